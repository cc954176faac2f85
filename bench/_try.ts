import { leaderboardBench } from './leaderboard.js';
const r = await leaderboardBench({ quick: true, workDir: '/tmp/benchwork', progress: (m) => process.stderr.write(m + '\r') });
console.log(r);
