import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../security-headers.js';
import { logicalIdOf } from './logical-id.js';
import type { OriginVerifySecret } from './origin-verify.js';

export interface WebAppsProps {
  /** The built browser apps (bin/build-web.ts): the patron app at the root, the staff console under staff/. */
  readonly webDist: string;
  /** Host name of the HTTP API (LibraryApi.domainName), served on the same origin as the apps. */
  readonly apiDomainName: string;
  /** The header CloudFront adds to every API request; the API answers 403 without it (decision 012). */
  readonly originVerify: Pick<OriginVerifySecret, 'headerName' | 'headerValue'>;
  /** ARN of the web ACL (scope CLOUDFRONT, in us-east-1) that screens every request (decision 012). */
  readonly webAclArn: string;
}

/** Paths CloudFront forwards to the HTTP API; everything else is a file of web/dist. */
export const apiPathPatterns = ['/api/*', '/admin/*'] as const;

/**
 * Viewer-request CloudFront Function (cloudfront-js-2.0). Both apps route with the URL hash, so
 * the only paths that are not files are the two app roots: `/` is `defaultRootObject`, and
 * `/staff` or `/staff/` is rewritten here (the staff page loads its assets by absolute path).
 */
export const staffIndexFunctionCode = `function handler(event) {
  var request = event.request;
  if (request.uri === '/staff' || request.uri === '/staff/') request.uri = '/staff/index.html';
  return request;
}`;

/**
 * The browser apps in AWS: web/dist in a private bucket, read by CloudFront through Origin
 * Access Control, with the HTTP API behind the same distribution (/api/*, /admin/*) so the apps
 * call it same-origin, without CORS, exactly as they do on the local stack.
 */
export class WebApps extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebAppsProps) {
    super(scope, id);

    // Holds only build output, re-uploaded by every deployment: nothing to keep when the stack goes.
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Library apps: CSP, HSTS and the other headers of lib/security-headers.ts',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      },
      // app.js and base.css keep their names across releases: browsers must revalidate (cheap
      // 304s from the edge). Only added where the origin sent none; edge caching is unaffected.
      customHeadersBehavior: { customHeaders: [{ header: 'Cache-Control', value: 'no-cache', override: false }] },
    });

    const staffIndex = new CloudFrontFunction(this, 'StaffIndex', {
      comment: 'Serves /staff/index.html for /staff and /staff/',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(staffIndexFunctionCode),
    });

    const api: BehaviorOptions = {
      origin: new HttpOrigin(props.apiDomainName, {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [OriginSslPolicy.TLS_V1_2],
        // Replaces any viewer header of that name: only CloudFront can send the right value.
        customHeaders: { [props.originVerify.headerName]: props.originVerify.headerValue() },
      }),
      // A request that reached http:// already exposed its token; refuse it rather than redirect
      // (a redirected POST would come back as a GET).
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Not the Host header: API Gateway routes on its own host name. With caching disabled this
      // policy forwards Authorization too.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    };

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Library reservation service: browser apps and API',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: staffIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: Object.fromEntries(apiPathPatterns.map((pattern) => [pattern, api])),
      // No errorResponses: they apply to the whole distribution and would turn the API's own
      // 403/404 bodies into index.html. Hash routing needs no fallback beyond the two roots.
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America, Europe and Asia including Japan, where the library's patrons are.
      priceClass: PriceClass.PRICE_CLASS_200,
      webAclId: props.webAclArn,
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    // Own role instead of AWSLambdaBasicExecutionRole, as for our functions (group-function.ts).
    const deploymentLogs = new LogGroup(this, 'DeploymentLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    const deploymentRole = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Execution role of the handler that uploads web/dist and invalidates the distribution',
    });
    deploymentLogs.grantWrite(deploymentRole);
    new BucketDeployment(this, 'Deployment', {
      sources: [webAppsSource(this, props.webDist)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      role: deploymentRole,
      logGroup: deploymentLogs,
    });

    this.acknowledgeFindings(deploymentRole);
  }

  private acknowledgeFindings(deploymentRole: Role): void {
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Holds only the public build output of web/dist and is readable by CloudFront alone (OAC); server access ' +
        'logs would record nothing but CloudFront origin fetches and the deployment upload.',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'A public library catalogue: patrons reserve from wherever they are (also abroad); no legal basis to geo-block.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'API requests are access-logged by the API Gateway stage (90 days); the rest is public static files. ' +
          'CloudFront standard logs would need an ACL-enabled log bucket, which this stack avoids.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain yet: with the default *.cloudfront.net certificate CloudFront fixes the viewer security ' +
          'policy at TLSv1 and ignores MinimumProtocolVersion. Add a domain with an ACM certificate and TLSv1.2_2021 then.',
      },
    );

    // BucketDeployment's grants, on the role passed in: read the asset zip, write and prune the web bucket, invalidate.
    const policy = deploymentRole.node.tryFindChild('DefaultPolicy');
    if (!policy) throw new Error('expected the BucketDeployment grants on its role');
    const bucketArn = `<${logicalIdOf(this.bucket)}.Arn>`;
    // As cdk-nag prints the bootstrap asset bucket: the region literal when the stack has one.
    const region = Token.isUnresolved(Stack.of(this).region) ? '<AWS::Region>' : Stack.of(this).region;
    Validations.of(policy).acknowledge(
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: "BucketDeployment's read grant (asset zip, and the web bucket to compare before pruning); only those two buckets.",
      })),
      ...['s3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: 'Prunes files of earlier releases from the web bucket (the only bucket it may write).',
      })),
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${region}/*]`,
        reason: 'Reads the web/dist zip the CDK CLI uploaded to the bootstrap asset bucket; its key is a content hash.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${bucketArn}/*]`,
        reason: 'Writes and prunes every object of the web bucket, which holds web/dist and nothing else.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'cloudfront:CreateInvalidation and GetInvalidation only (invalidation after upload); aws-cdk-lib grants them on "*".',
      },
    );
    // The handler function itself is a per-stack singleton created by aws-cdk-lib, outside this construct.
    const handler = Stack.of(this).node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error('expected the BucketDeployment handler function');
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason: "aws-cdk-lib's BucketDeployment handler (Python, runs the AWS CLI layer); its runtime is pinned by the aws-cdk-lib release.",
    });
  }
}

/**
 * web/dist, which must be built before synthesis (`npm run synth` does it). When CDK skips
 * bundling for this stack (`cdk ls`/`destroy`, or tests that pass `aws:cdk:bundling-stacks: []`),
 * the apps are not needed either and a placeholder stands in, as CDK does for Lambda bundles;
 * such a template must not be deployed.
 */
const webAppsSource = (scope: Construct, webDist: string): ISource => {
  if (!Stack.of(scope).bundlingRequired) return Source.data('index.html', '<!doctype html><title>not built</title>');
  const missing = ['index.html', 'staff/index.html'].filter((file) => !existsSync(path.join(webDist, file)));
  if (missing.length > 0) {
    throw new Error(
      `The browser apps are not built (${missing.map((file) => path.join(webDist, file)).join(', ')} missing): ` +
        'run `npm run build:web` first (`npm run synth` does), or synthesize with bundling skipped.',
    );
  }
  return Source.asset(webDist);
};
