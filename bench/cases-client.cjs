// The morning rush's connections (bench/cases.ts): autocannon's worker thread loads this file (plain JS) and
// calls it once per connection; each connection posts the checks of its own share of the home-treated F0,
// one person after another, through their personal links.
const fs = require('node:fs');

const tokens = JSON.parse(fs.readFileSync(process.env.BENCH_CASES_TOKENS, 'utf8'));
const connections = Number(process.env.BENCH_CASES_CONNECTIONS);
let next = 0;

module.exports = (client) => {
  const mine = tokens.filter((_, i) => i % connections === next % connections);
  next += 1;
  client.setRequests(
    mine.map((token, i) => ({
      method: 'POST',
      path: `/api/check-links/${token}/checks`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        spo2: 97 + (i % 3),
        respiratoryRate: 16 + (i % 3),
        temperature: 37 + (i % 5) / 10,
        signs: [],
      }),
    })),
  );
};
