/** How far (in points of 10) the offline grade of an example may sit from its author's score. */
export const EXAMPLE_TOLERANCE = 2;
export async function checkExamples(questions, grader) {
    const errors = [];
    for (const q of questions) {
        for (const [index, example] of (q.examples ?? []).entries()) {
            const { score } = await grader.grade({
                questionId: q.id,
                question: q.prompt,
                reference: q.reference,
                keyPoints: q.keyPoints,
                answer: example.answer,
                ...(q.hint ? { hint: q.hint } : {}),
                ...(q.rubric ? { rubric: q.rubric } : {}),
            });
            if (Math.abs(score - example.score) > EXAMPLE_TOLERANCE) {
                errors.push({
                    file: q.file,
                    field: `examples[${index}]`,
                    message: `The offline grader gives this example ${score}/10, not ${example.score}/10 (within ${EXAMPLE_TOLERANCE} expected).`,
                });
            }
        }
    }
    return errors;
}
