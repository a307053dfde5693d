// The parts of Node 20's "node:test" and "node:assert/strict" that these tests use. Debian's
// @types/node (/usr/share/nodejs/@types/node) comes only with Debian's own nodejs package
// (18.x, "Provides: node-types-node"), which would replace the Node 20 installed here, so the
// few declarations needed are written out instead.

declare module "node:test" {
  type TestFn = () => void | Promise<void>;
  /** Runs `fn` as one test named `name`; a thrown error or rejected promise fails it. */
  export function test(name: string, fn: TestFn): Promise<void>;
  export default test;
}

declare module "node:assert/strict" {
  type ErrorMatcher = RegExp | (new (...args: never[]) => Error) | ((error: unknown) => boolean) | object;

  function assert(value: unknown, message?: string): asserts value;
  namespace assert {
    function ok(value: unknown, message?: string): asserts value;
    function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T;
    function notEqual(actual: unknown, expected: unknown, message?: string): void;
    function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T;
    function notDeepEqual(actual: unknown, expected: unknown, message?: string): void;
    function match(value: string, pattern: RegExp, message?: string): void;
    function doesNotMatch(value: string, pattern: RegExp, message?: string): void;
    function throws(fn: () => unknown, error?: ErrorMatcher, message?: string): void;
    function rejects(
      promise: Promise<unknown> | (() => Promise<unknown>), error?: ErrorMatcher, message?: string,
    ): Promise<void>;
  }
  export = assert;
}
