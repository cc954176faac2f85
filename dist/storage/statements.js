/** Prepares each SQL text once per database and reuses the statement. */
export class Statements {
    db;
    cache = new Map();
    constructor(db) {
        this.db = db;
    }
    get(sql) {
        let s = this.cache.get(sql);
        if (!s) {
            s = this.db.prepare(sql);
            this.cache.set(sql, s);
        }
        return s;
    }
    all(sql, ...params) {
        return this.get(sql).all(...params);
    }
    one(sql, ...params) {
        return this.get(sql).get(...params);
    }
    run(sql, ...params) {
        return this.get(sql).run(...params);
    }
}
/**
 * A transaction that takes SQLite's write lock as it begins (`BEGIN IMMEDIATE`). A plain
 * (deferred) one starts as a reader and upgrades at its first write; if another connection
 * wrote meanwhile (a second bot process on the same file), the upgrade fails at once with "database is
 * locked" instead of waiting out `busy_timeout`.
 */
export function writeTransaction(db, fn) {
    return db.transaction(fn).immediate;
}
