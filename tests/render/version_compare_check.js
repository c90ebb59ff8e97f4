// Reads the pairs version_compare_test.cc wrote (one JSON object a line: both texts and the
// generator's diff) and diffs each with static/version-compare.js; prints
// "N different of M" and the first differences, exits 1 if any.
"use strict";
const fs = require("fs");
const path = require("path");
const compare = require(path.join(__dirname, "../../themes/default/static/version-compare.js"));

const lines = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
let different = 0;
for (const line of lines) {
  const expected = JSON.parse(line);
  const got = compare.diffTexts(expected.before, expected.after);
  const want = {
    runs: expected.runs, wordsAdded: expected.wordsAdded, wordsRemoved: expected.wordsRemoved,
    punctuationChanged: expected.punctuationChanged, spacingChanges: expected.spacingChanges,
    structureChanged: expected.structureChanged,
  };
  if (JSON.stringify(got) === JSON.stringify(want)) continue;
  if (++different <= 3)
    console.log("different:\n" + JSON.stringify(want).slice(0, 2000) + "\n" +
                JSON.stringify(got).slice(0, 2000));
}
console.log(different + " different of " + lines.length);
process.exit(different ? 1 : 0);
