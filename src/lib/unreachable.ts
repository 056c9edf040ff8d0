/**
 * The `default` of a `switch` over a closed vocabulary (operators, outcomes, positions, node
 * kinds): it takes `never`, so a value added to the vocabulary but not handled is a type error
 * at every such switch. At run time it throws, since only unvalidated input can get here.
 */
export function unreachable(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
