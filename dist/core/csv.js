/**
 * CSV as RFC 4180 writes it: CRLF line ends; a field holding a comma, a double quote, CR or LF is
 * enclosed in double quotes with its quotes doubled. A text field starting with =, +, - or @ gets a
 * leading apostrophe so spreadsheets do not run it as a formula (CSV injection); numbers are left alone.
 */
export function toCsv(header, rows) {
    return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
function field(value) {
    if (typeof value === 'number')
        return String(value);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
