/**
 * The part of json-logic-js (2.0) the engine benchmark uses (scripts/bench-engine.ts); the package
 * ships no type declarations. A devDependency: nothing in src imports it.
 */
declare module 'json-logic-js' {
  const jsonLogic: { apply(rule: unknown, data?: unknown): unknown };
  export default jsonLogic;
}
