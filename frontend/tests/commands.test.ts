import assert from "node:assert/strict";
import { test } from "node:test";
import { commandForKey } from "../src/chart/commands";

test("arrows move the crosshair one candle, ten with shift", () => {
  assert.deepEqual(commandForKey("ArrowLeft", false), { kind: "move", by: -1 });
  assert.deepEqual(commandForKey("ArrowLeft", true), { kind: "move", by: -10 });
  assert.deepEqual(commandForKey("ArrowRight", false), { kind: "move", by: 1 });
  assert.deepEqual(commandForKey("ArrowRight", true), { kind: "move", by: 10 });
});

test("Home and End jump to the oldest and newest candle", () => {
  assert.deepEqual(commandForKey("Home", false), { kind: "jump", to: "oldest" });
  assert.deepEqual(commandForKey("End", false), { kind: "jump", to: "newest" });
});

test("PageUp pans a screen back in time, PageDown forward", () => {
  assert.deepEqual(commandForKey("PageUp", false), { kind: "pan", screens: 1 });
  assert.deepEqual(commandForKey("PageDown", false), { kind: "pan", screens: -1 });
});

test("plus and minus zoom in and out by 1.25, with or without shift", () => {
  for (const key of ["+", "="]) assert.deepEqual(commandForKey(key, false), { kind: "zoom", factor: 1.25 });
  for (const key of ["-", "_"]) assert.deepEqual(commandForKey(key, false), { kind: "zoom", factor: 0.8 });
});

test("Escape clears the crosshair and other keys do nothing", () => {
  assert.deepEqual(commandForKey("Escape", false), { kind: "clear" });
  assert.equal(commandForKey("a", false), null);
  assert.equal(commandForKey("Enter", false), null);
});
