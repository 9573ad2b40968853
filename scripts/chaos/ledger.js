'use strict';

// What a trigger delivered, judged against crashes.
//
// An item delivered again is "redelivered" when a crash explains it: the crash hit after the item
// was delivered and before a snapshot covering it was persisted (the at-least-once window of a
// platform without transactions; the poll bounds it by persisting every PERSIST_EVERY items).
// Any other repeat is a "duplicate", a bug.
class TriggerLedger {
  constructor(name) {
    this.name = name;
    /** key -> times delivered */
    this.deliveries = new Map();
    /** keys delivered since the last persisted snapshot */
    this.sinceSnapshot = [];
    /** key -> the crash that left it uncovered */
    this.atRisk = new Map();
    this.redelivered = 0;
    this.duplicates = [];
  }

  deliver(key) {
    const times = (this.deliveries.get(key) || 0) + 1;
    this.deliveries.set(key, times);
    if (times > 1) {
      const crash = this.atRisk.get(key);
      if (crash) {
        this.atRisk.delete(key);
        crash.redelivered += 1;
        this.redelivered += 1;
      } else {
        this.duplicates.push(key);
      }
    }
    this.sinceSnapshot.push(key);
  }

  snapshotPersisted() {
    this.sinceSnapshot = [];
  }

  /** The process died while this trigger ran: what it delivered since its last snapshot is uncovered. */
  crashed(crash) {
    crash.uncovered = this.sinceSnapshot.length;
    for (const key of this.sinceSnapshot) this.atRisk.set(key, crash);
    this.sinceSnapshot = [];
  }

  timesDelivered(key) {
    return this.deliveries.get(key) || 0;
  }
}

module.exports = { TriggerLedger };
