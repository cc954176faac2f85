/**
 * The ports of the coaching parts: the model that writes follow-ups and the round's most common
 * wrong idea, and the renderer of the weekly digest's chart.
 */

/** What a follow-up question is written from: one key point the answer missed or only partly covered. */
export interface FollowUpRequest {
  questionId: string;
  question: string;
  keyPoint: string;
  /** The sentences of the reference answer about that key point. */
  referencePart: string;
  /** The member's answer, to probe what they said (data, never instructions). */
  answer: string;
  verdict: 'missed' | 'partly';
}

/** A round's answers that fell short, for the most common wrong idea among them. */
export interface MistakeRequest {
  questionId: string;
  question: string;
  reference: string;
  keyPoints: string[];
  answers: { text: string; partly: string[]; missed: string[] }[];
  /** Names of the round's members: a sentence naming one is refused. */
  names: string[];
}

/**
 * Writes what an interviewer would say beyond a grade: a follow-up question probing a weak key
 * point, and one anonymised sentence on a round's most common wrong idea. The LLM implements it
 * (structured output, answers fenced as data); without one, follow-ups come from the content and
 * the reveal has no such sentence. A failure is thrown; the core falls back, it never blocks a grade.
 */
export interface CoachWriter {
  /** What wrote it, e.g. `llm:gpt-4.1-mini`. */
  readonly id: string;
  followUp(req: FollowUpRequest, signal?: AbortSignal): Promise<string>;
  /** One sentence naming no one and quoting no answer, or null when there is no common wrong idea. */
  commonMistake(req: MistakeRequest, signal?: AbortSignal): Promise<string | null>;
}

/** A line chart: one series per topic, one value (or a gap) per label. */
export interface LineChart {
  title: string;
  labels: string[];
  yMax: number;
  series: { name: string; values: (number | null)[] }[];
}

/** Draws charts as PNG images, in-process (the weekly digest's scores by topic). */
export interface ChartRenderer {
  renderPng(chart: LineChart): Promise<Uint8Array>;
}
