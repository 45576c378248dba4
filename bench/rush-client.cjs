// A benchmark's connections (bench/rush.ts#connectionRequests): the load generator's process (offer-child.cjs)
// loads this file (plain JS) and calls it once per connection; connection i sends
// the requests of entry i of the file BENCH_RUSH_REQUESTS names, in turn (the 17:00 rush: one commune's
// officer posting progress reports on one task; Tết arrivals: declarations from many addresses).
const fs = require('node:fs');

const perConnection = JSON.parse(fs.readFileSync(process.env.BENCH_RUSH_REQUESTS, 'utf8'));
let next = 0;

module.exports = (client) => {
  client.setRequests(perConnection[next++ % perConnection.length]);
};
