/**
 * Standard 5-field cron (as in functions/wiring.ts, also read by the local scheduler) to
 * EventBridge Scheduler's 6-field `cron(min hour day-of-month month day-of-week year)`.
 *
 * EventBridge differs from standard cron in three ways this handles: a year field; one of
 * day-of-month and day-of-week must be `?`; day-of-week counts 1-7 from Sunday (standard:
 * 0-7, both 0 and 7 Sunday). Anything EventBridge cannot express with the same meaning
 * (a day-of-month AND a day-of-week, which standard cron ORs; stepped ranges; `L`, `W`,
 * `#`) is refused rather than approximated.
 */

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Where `*\/n` starts, written explicitly for EventBridge (`0/10`). */
  readonly stepStart: number;
  readonly names?: readonly string[];
}

const minute: FieldSpec = { name: 'minute', min: 0, max: 59, stepStart: 0 };
const hour: FieldSpec = { name: 'hour', min: 0, max: 23, stepStart: 0 };
const dayOfMonth: FieldSpec = { name: 'day-of-month', min: 1, max: 31, stepStart: 1 };
const month: FieldSpec = {
  name: 'month',
  min: 1,
  max: 12,
  stepStart: 1,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
};
const dayOfWeek: FieldSpec = { name: 'day-of-week', min: 0, max: 7, stepStart: 0, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] };

const fail = (cron: string, why: string): never => {
  throw new Error(`cron "${cron}": ${why}`);
};

const isName = (spec: FieldSpec, value: string): boolean => spec.names?.includes(value.toUpperCase()) ?? false;

const checkNumber = (cron: string, spec: FieldSpec, value: string): number => {
  if (!/^\d+$/.test(value)) return fail(cron, `${spec.name} value "${value}" is not supported`);
  const n = Number(value);
  if (n < spec.min || n > spec.max) fail(cron, `${spec.name} value ${n} is outside ${spec.min}-${spec.max}`);
  return n;
};

/** Validates one list element (`5`, `1-5`, `*\/10`, `5/15`, `MON`) and rewrites `*\/n`. */
const convertElement = (cron: string, spec: FieldSpec, element: string): string => {
  const [base = '', step, extra] = element.split('/');
  if (extra !== undefined) fail(cron, `${spec.name} "${element}" has more than one step`);
  if (step !== undefined) {
    if (spec === dayOfWeek) fail(cron, 'steps in day-of-week are not supported');
    const every = checkNumber(cron, { ...spec, min: 1, max: spec.max }, step);
    if (base === '*') return `${spec.stepStart}/${every}`;
    if (base.includes('-')) fail(cron, `stepped range "${element}" is not supported by EventBridge`);
    return `${checkNumber(cron, spec, base)}/${every}`;
  }
  if (base === '*') return '*';
  if (isName(spec, base)) return base.toUpperCase();
  const [from, to, more] = base.split('-');
  if (more !== undefined || from === undefined) return fail(cron, `${spec.name} "${element}" is not supported`);
  if (to === undefined) return String(checkNumber(cron, spec, from));
  if (isName(spec, from) && isName(spec, to)) return `${from.toUpperCase()}-${to.toUpperCase()}`;
  const a = checkNumber(cron, spec, from);
  const b = checkNumber(cron, spec, to);
  if (a > b) fail(cron, `${spec.name} range "${element}" runs backwards`);
  return `${a}-${b}`;
};

const convertField = (cron: string, spec: FieldSpec, field: string): string =>
  field
    .split(',')
    .map((element) => convertElement(cron, spec, element))
    .join(',');

/** Standard day numbers (0-7, Sunday 0 or 7) to EventBridge's (1-7, Sunday 1). */
const convertDayOfWeek = (field: string): string => {
  const out: string[] = [];
  for (const element of field.split(',')) {
    const [from, to] = element.split('-');
    const numeric = (v: string | undefined): v is string => v !== undefined && /^\d+$/.test(v);
    if (!numeric(from)) {
      out.push(element); // '*' or day names, which EventBridge reads the same way
    } else if (!numeric(to)) {
      out.push(String((Number(from) % 7) + 1));
    } else if (Number(to) < 7) {
      out.push(`${Number(from) + 1}-${Number(to) + 1}`);
    } else {
      // A range ending on Sunday-as-7 would wrap in EventBridge's numbering: list the days.
      for (let d = Number(from); d <= Number(to); d += 1) out.push(String((d % 7) + 1));
    }
  }
  const unique = [...new Set(out)];
  return unique.every((v) => /^\d+$/.test(v)) ? unique.sort((x, y) => Number(x) - Number(y)).join(',') : unique.join(',');
};

export const toEventBridgeCron = (cron: string): string => {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) fail(cron, `expected 5 fields, found ${fields.length}`);
  const [min = '', hr = '', dom = '', mon = '', dow = ''] = fields;

  const minutes = convertField(cron, minute, min);
  const hours = convertField(cron, hour, hr);
  const days = convertField(cron, dayOfMonth, dom);
  const months = convertField(cron, month, mon);
  const weekdays = convertDayOfWeek(convertField(cron, dayOfWeek, dow));

  if (days !== '*' && weekdays !== '*') {
    fail(cron, 'both day-of-month and day-of-week are restricted; EventBridge cannot express their OR');
  }
  const [domOut, dowOut] = weekdays === '*' ? [days, '?'] : ['?', weekdays];
  return `cron(${minutes} ${hours} ${domOut} ${months} ${dowOut} *)`;
};
