import { admins } from './admins.js';
import { answer } from './answer.js';
import { pause, repost, resume, skip } from './channel-ops.js';
import { digest, interview, pass, showcase } from './coaching.js';
import type { Command } from './command.js';
import { daily, reveal } from './daily.js';
import { dispute, disputesList, resolve } from './disputes.js';
import { exportScores } from './export.js';
import { leaderboard, stats } from './figures.js';
import { helpCommand } from './help.js';
import { history } from './history.js';
import { privacy, topics } from './info.js';
import { hint, quiz } from './practice.js';
import { report } from './report.js';
import { schedule, unschedule } from './schedule.js';
import { settings } from './settings.js';
import { approve, reject, suggest, suggestionsList } from './suggest.js';

/**
 * Every verb, in the order help lists them: members' verbs first, then admins'. On Discord the
 * admin verbs sit in the `/prep admin` group (see `discordGroup` in command-text.ts), so each of
 * the two levels holds up to 25.
 */
export const COMMANDS: Command[] = [];
COMMANDS.push(
  daily,
  answer,
  quiz,
  hint,
  interview,
  pass,
  leaderboard,
  stats,
  history,
  dispute,
  report,
  suggest,
  topics,
  privacy,
  showcase,
  reveal,
  schedule,
  unschedule,
  settings,
  pause,
  resume,
  skip,
  repost,
  admins,
  disputesList,
  resolve,
  suggestionsList,
  approve,
  reject,
  exportScores,
  digest,
  helpCommand(() => COMMANDS),
);

export function findCommand(verb: string): Command | undefined {
  return COMMANDS.find((c) => c.verb === verb);
}

/** The known verb closest to a mistyped one, when it is close enough to suggest. */
export function suggestVerb(verb: string): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const c of COMMANDS) {
    const d = distance(verb, c.verb);
    if (d < bestD) {
      best = c.verb;
      bestD = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
