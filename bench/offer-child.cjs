// The load generator in a process of its own (bench/rush.ts#offer): autocannon with the options given as JSON in
// argv[2], a connection's requests from the file `setupClient` names (rush-client.cjs). It prints its result as
// one JSON line, so the server's process measures only the server's CPU and never shares its cores' time
// slices with the generator's event loop.
const autocannon = require('autocannon');

const options = JSON.parse(process.argv[2]);
if (typeof options.setupClient === 'string') options.setupClient = require(options.setupClient);
autocannon(options, (error, result) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
});
