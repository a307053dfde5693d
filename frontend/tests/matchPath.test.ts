import assert from "node:assert/strict";
import { test } from "node:test";
import { matchPath } from "../src/routing/matchPath";

test("a pattern's :params are taken from the path", () => {
  assert.deepEqual(matchPath("/charts/:id", "/charts/0190b3c4"), { id: "0190b3c4" });
  assert.deepEqual(matchPath("/charts", "/charts"), {});
  assert.deepEqual(matchPath("/", "/"), {});
});

test("a trailing slash is ignored", () => {
  assert.deepEqual(matchPath("/charts/:id", "/charts/abc/"), { id: "abc" });
  assert.deepEqual(matchPath("/charts", "/charts/"), {});
});

test("params are percent-decoded and a malformed escape matches nothing", () => {
  assert.deepEqual(matchPath("/charts/:id", "/charts/a%2Fb%20c"), { id: "a/b c" });
  assert.equal(matchPath("/charts/:id", "/charts/%E0%A4%A"), null);
});

test("other segments or another number of segments do not match", () => {
  assert.equal(matchPath("/charts/:id", "/charts"), null);
  assert.equal(matchPath("/charts/:id", "/charts/1/edit"), null);
  assert.equal(matchPath("/charts", "/alerts"), null);
  assert.equal(matchPath("/", "/charts"), null);
});
