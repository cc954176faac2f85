export const text = (t, visibility = 'private', tone = 'info') => ({
    kind: 'text',
    visibility,
    text: t,
    tone,
});
export const error = (t) => text(t, 'private', 'error');
