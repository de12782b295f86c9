/**
 * The single DynamoDB table, declared once. The CDK table and the local CreateTable
 * are both built from this, so the two schemas cannot drift. See docs/data-model.md.
 */
export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds; DynamoDB deletes lazily, so reads must also treat a past value as gone. */
  ttlAttribute: 'expiresAt',
  /**
   * New images of every write go to the table's stream, where the outbox relay picks up the
   * events written with each change (functions/outbox/relay.ts, decision 014).
   */
  stream: 'NEW_IMAGE',
  indexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ] as const satisfies readonly IndexDefinition[],
} as const;

export type IndexName = (typeof tableDefinition.indexes)[number]['indexName'];
