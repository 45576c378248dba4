// The 17:00 rush's connections (bench/rush.ts): autocannon's worker thread loads this file (its workers take
// functions only as files, plain JS) and calls it once per connection: each connection is one commune's
// officer posting progress reports on one of the commune's tasks.
const fs = require('node:fs');

const reporters = JSON.parse(fs.readFileSync(process.env.BENCH_RUSH_REPORTERS, 'utf8'));
let next = 0;

module.exports = (client) => {
  const r = reporters[next++ % reporters.length];
  client.setRequests([
    {
      method: 'POST',
      path: `/api/tasks/${r.taskId}/reports`,
      headers: { cookie: r.cookie, 'x-csrf-token': r.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'Đã tổ chức xét nghiệm tầm soát tại 5 thôn, cập nhật danh sách F0, F1 và kết quả tiêm chủng trong ngày.',
        percent: 60,
      }),
    },
  ]);
};
