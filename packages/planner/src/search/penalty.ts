// Adaptive penalty weights for infeasibility (time warp, excess load): raised while too few
// recent solutions are feasible, lowered while too many are, so the search walks along the
// border of feasibility. The idea follows PyVRP's PenaltyManager (Vidal et al. 2012).

export class PenaltyManager {
  private feasible = 0;
  private seen = 0;

  /**
   * @param tw - starting penalty per unit of time warp
   * @param load - starting penalty per unit of excess load
   * @param target - wanted share of feasible solutions
   * @param every - how many records between updates
   */
  constructor(
    public tw: number,
    public load: number,
    private readonly target = 0.3,
    private readonly every = 100,
    private readonly min = 1e-2,
    private readonly max = 1e6,
  ) {}

  /** Records one solution; @returns true when the weights just changed. */
  record(isFeasible: boolean): boolean {
    this.seen++;
    if (isFeasible) this.feasible++;
    if (this.seen < this.every) return false;
    const share = this.feasible / this.seen;
    const f = share < this.target - 0.05 ? 1.3 : share > this.target + 0.05 ? 0.85 : 1;
    this.tw = Math.min(this.max, Math.max(this.min, this.tw * f));
    this.load = Math.min(this.max, Math.max(this.min, this.load * f));
    this.seen = 0;
    this.feasible = 0;
    return f !== 1;
  }
}
