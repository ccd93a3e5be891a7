// Duration segments: a stretch of a route summarised so two stretches can be joined in O(1).
// Idea from Vidal, Crainic, Gendreau & Prins (2013), "A hybrid genetic algorithm with adaptive
// diversity management for a large class of vehicle routing problems with time-windows":
// time warp lets an infeasible route be priced as if the vehicle could travel back in time.

/** A mutable summary of a stretch of route; reuse instances, never allocate in the loop. */
export class Segment {
  /** First and last location of the stretch; -1 when empty. */
  first = -1;
  last = -1;
  /** Minimal duration (service, travel, waiting) when started at the best time. */
  dur = 0;
  /** Time warp: minutes the stretch is late in total, however it is started. */
  tw = 0;
  /** Earliest and latest start at the first location that achieve `dur` and `tw`. */
  early = 0;
  late = 0;
  load = 0;
  /** Travel time inside the stretch. */
  dist = 0;

  clear(): void {
    this.first = -1;
    this.last = -1;
    this.dur = 0;
    this.tw = 0;
    this.early = 0;
    this.late = 0;
    this.load = 0;
    this.dist = 0;
  }

  setNode(loc: number, early: number, late: number, service: number, demand: number): void {
    this.first = loc;
    this.last = loc;
    this.dur = service;
    this.tw = 0;
    this.early = early;
    this.late = late;
    this.load = demand;
    this.dist = 0;
  }

  copyFrom(o: Segment): void {
    this.first = o.first;
    this.last = o.last;
    this.dur = o.dur;
    this.tw = o.tw;
    this.early = o.early;
    this.late = o.late;
    this.load = o.load;
    this.dist = o.dist;
  }

  /**
   * Appends the stretch (first..late) after this one, `travel` being the time from this.last to `first`.
   * Waiting and lateness at the join are charged to duration and time warp respectively.
   */
  append(
    travel: number,
    first: number,
    last: number,
    dur: number,
    tw: number,
    early: number,
    late: number,
    load: number,
    dist: number,
  ): void {
    if (this.first < 0) {
      this.first = first;
      this.last = last;
      this.dur = dur;
      this.tw = tw;
      this.early = early;
      this.late = late;
      this.load = load;
      this.dist = dist;
      return;
    }
    const delta = this.dur - this.tw + travel;
    const lateness = Math.max(this.early + delta - late, 0);
    const wait = Math.max(early - delta - this.late, 0);
    const e = Math.max(early - delta, this.early) - wait;
    const l = Math.min(late - delta, this.late) + lateness;
    this.dur = this.dur + dur + travel + wait;
    this.tw = this.tw + tw + lateness;
    this.early = e;
    this.late = l;
    this.load += load;
    this.dist += dist + travel;
    this.last = last;
  }
}
