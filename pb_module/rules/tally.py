"""Winner rules of participatory budgeting, in plain Python, named as pabulib names them.

Each rule is `rule(election, **params) -> list[project_id]`, the projects in the order they are
selected. Money is exact (`Fraction`); only the Method of Equal Shares computes in floats, and it
redoes a run in exact arithmetic whenever a float decision is too close to call (see below).

Tie-break, the same for every rule: higher score first, then the order of the PROJECTS section of
the file. Pabulib lists projects in the organiser's ranking, so the file order carries the city's
own tie-break: in Warszawa 2019 Targówek Mieszkaniowy, projects 797, 845 and 1159 have 173 votes
each and the city funded 797, the first listed (lower-cost-first would have funded the other two).
With it every greedy file in the pabulib sample is reproduced exactly. In the Method of Equal
Shares the key is (price per unit of utility, then the same tie-break).

    python -m pb_module.rules.tally FILE.pb [--rule RULE]

prints `{"rule": ..., "selected": [...], "seconds": ...}`, the winners in the order of selection.
"""

import argparse
import json
import math
import sys
import time
from collections import Counter
from fractions import Fraction
from operator import itemgetter, mul

from .pabulib import Election, read_file

# Float decisions closer than this (relatively) are redone exactly. Floats here carry ~1e-13 of
# relative error, so anything this close may be a true tie or a wrong side.
_EPS = 1e-9
_UNSURE = object()  # a float decision too close to call


class _Unit(float):
    """A price known exactly: 1/supporters, when no supporter is short of an equal share of the cost.

    Two such prices tie exactly when the supporter counts are equal, so the tie-break can order them
    without redoing the run in Fractions (Assen 2024: projects 2 and 11 both have 24 supporters).
    """


def scores(election: Election) -> dict[str, int]:
    """Project id -> score, for every project of the file (0 when nobody voted for it).

    Approval and choose-1: the number of voters who chose the project. Cumulative and scoring: the
    sum of the points given. Ordinal: the number of voters who list the project at any rank (the
    pabulib greedy rules only use how many ranked it; the rank is ignored).
    """
    total = dict.fromkeys(election.projects, 0)
    ordinal = election.vote_type == "ordinal"
    for vote in election.votes:
        if ordinal:
            for pid in vote.projects:
                total[pid] += 1
        else:
            for pid, points in vote.scores().items():
                total[pid] += points
    return total


def _ranking(election: Election, score: dict[str, int]) -> list[str]:
    """Project ids by the tie-break of this module: higher score, then file order."""
    position = {pid: i for i, pid in enumerate(election.projects)}
    return sorted(election.projects, key=lambda pid: (-score[pid], position[pid]))


def greedy(election: Election) -> list[str]:
    """Pabulib `greedy`: by score, fund each project that fits in what is left, skip the others."""
    left, chosen = election.budget, []
    for pid in _ranking(election, scores(election)):
        cost = election.projects[pid].cost
        if cost <= left:
            chosen.append(pid)
            left -= cost
    return chosen


def greedy_no_skip(election: Election) -> list[str]:
    """Pabulib `greedy-no-skip`: by score, stop at the first project that does not fit."""
    left, chosen = election.budget, []
    for pid in _ranking(election, scores(election)):
        cost = election.projects[pid].cost
        if cost > left:
            break
        chosen.append(pid)
        left -= cost
    return chosen


def greedy_threshold(election: Election, threshold=None) -> list[str]:
    """Pabulib `greedy-threshold`: `greedy` among projects whose score is at least `threshold`.

    The threshold defaults to META `min_project_score_threshold`, else 0 (plain greedy).
    """
    if threshold is None:
        threshold = Fraction(election.meta.get("min_project_score_threshold", "0").replace(",", "."))
    score = scores(election)
    left, chosen = election.budget, []
    for pid in _ranking(election, score):
        cost = election.projects[pid].cost
        if score[pid] >= threshold and cost <= left:
            chosen.append(pid)
            left -= cost
    return chosen


def greedy_custom(election: Election, share=Fraction(4, 5)) -> list[str]:
    """Poznań's `greedy-custom` (the META comment of its files): by score, fund projects until the next
    one does not fit; fund that next one too when what is left covers at least `share` (80%) of its cost.

    The extra project is paid from reserve funds, so `budget_used` may exceed the budget. Pabulib uses the
    name `greedy-custom` for any city-specific rule; this is Poznań's, used only when asked or when the
    file names it.
    """
    left, chosen = election.budget, []
    for pid in _ranking(election, scores(election)):
        cost = election.projects[pid].cost
        if cost > left:
            if left >= share * cost:
                chosen.append(pid)
            break
        chosen.append(pid)
        left -= cost
    return chosen


class _Shares:
    """An election prepared for the Method of Equal Shares with cost utilities.

    With cost utilities every supporter of a project values it at its cost, so only who supports what
    matters: voters with the same set of supported projects always hold the same budget and are kept as
    one group with a multiplicity (Świecie 2023: 2553 voters, 695 groups).
    """

    def __init__(self, election: Election):
        self.voters = len(election.votes)  # empty ballots count: they get a share and never spend it
        self.budget = election.budget
        score = scores(election)
        groups = Counter(supported_sets(election))
        self.multiplicity = list(groups.values())
        members = {pid: [] for pid in election.projects}
        for index, supported in enumerate(groups):
            for pid in supported:
                members[pid].append(index)
        position = {pid: i for i, pid in enumerate(election.projects)}
        supported = [pid for pid in election.projects if members[pid]]
        # With cost utilities a project that costs nothing is worth nothing, so MES never buys it (nor does
        # pabutools, whose exhaustiveness test also ignores it).
        self.candidates = [pid for pid in supported if election.projects[pid].cost > 0]
        self.cost = {pid: election.projects[pid].cost for pid in self.candidates}
        self.fcost = {pid: float(c) for pid, c in self.cost.items()}
        self.members = {pid: members[pid] for pid in self.candidates}
        self.counts = {pid: [self.multiplicity[g] for g in members[pid]] for pid in self.candidates}
        self.supporters = {pid: sum(self.counts[pid]) for pid in self.candidates}
        self.key = {pid: (-score[pid], position[pid]) for pid in self.candidates}
        self.unit = {pid: _Unit(1.0 / n) for pid, n in self.supporters.items()}
        # itemgetter of one index returns a value, not a tuple: wrap it so every getter gives a tuple.
        self.getter = {
            pid: itemgetter(*g) if len(g) > 1 else (lambda budgets, i=g[0]: (budgets[i],))
            for pid, g in self.members.items()
        }
        # Exactness is needed for the total cost, so money is also kept as integers over one denominator.
        scale = math.lcm(self.budget.denominator, *(c.denominator for c in self.cost.values()))
        self.icost = {pid: int(c * scale) for pid, c in self.cost.items()}
        self.ibudget = int(self.budget * scale)

    def affordable_at_start(self, per_voter: Fraction) -> list[str]:
        """Candidates whose supporters can pay for them when everyone holds `per_voter` (exact)."""
        num, den = per_voter.numerator, per_voter.denominator
        return [
            p
            for p in self.candidates
            if self.cost[p].numerator * den <= self.supporters[p] * num * self.cost[p].denominator
        ]

    def first_choice(self, alive: list[str]) -> str:
        """The first project bought: with equal budgets its price per unit is 1/supporters, exactly."""
        return min(alive, key=lambda p: (-self.supporters[p], self.key[p]))

    def rho(self, pid: str, budgets: list[float]):
        """Float price per unit of utility of `pid`; None when its supporters cannot pay, _UNSURE when too close."""
        held = self.getter[pid](budgets)
        cost, n = self.fcost[pid], self.supporters[pid]
        if min(held) * n >= cost * (1 + _EPS):  # nobody is short of an equal share: the round-0 price holds
            return self.unit[pid]
        counts = self.counts[pid]
        available = sum(map(mul, held, counts))
        if available < cost * (1 - _EPS):
            return None
        if available <= cost * (1 + _EPS):
            return _UNSURE
        # Those holding less than the equal share q pay all they have, the others pay q; raising q can make
        # more supporters short, so repeat until none is added (no sort needed: few are short).
        q, paid, rest, floor = cost / n, 0.0, n, 0.0
        while True:
            short = [(have, count) for have, count in zip(held, counts, strict=True) if floor <= have < q]
            if not short:
                return q / cost
            paid += sum(have * count for have, count in short)
            rest -= sum(count for _, count in short)
            if rest <= 0:
                return _UNSURE  # only rounding can get here
            floor, q = q, (cost - paid) / rest

    def pay(self, pid: str, q: float, budgets: list[float]) -> None:
        """Every supporter of `pid` pays q, or all they have when they hold less."""
        for g in self.members[pid]:
            have = budgets[g]
            budgets[g] = have - q if have > q else 0.0

    def run(self, per_voter: Fraction) -> tuple[list[str], list[float]]:
        """One MES run: (projects in order, price per unit of each at its purchase), floats with exact fallback."""
        result = self._run_float(per_voter)
        if result is None:
            order, prices = self._run_exact(per_voter)
            units = [Fraction(1, self.supporters[p]) for p in order]
            return order, [self.unit[p] if x == u else float(x) for p, x, u in zip(order, prices, units, strict=True)]
        return result

    def _run_float(self, per_voter: Fraction):
        """The run in floats, or None when a decision is too close to call (a tie, a budget equal to a cost)."""
        alive = self.affordable_at_start(per_voter)
        if not alive:
            return [], []
        budgets = [float(per_voter)] * len(self.multiplicity)
        first = self.first_choice(alive)
        alive.remove(first)
        order, prices = [first], [self.unit[first]]
        self.pay(first, self.fcost[first] / self.supporters[first], budgets)
        bound = {p: self.unit[p] for p in alive}  # prices only rise: a stale price is a lower bound
        while alive:
            alive.sort(key=bound.__getitem__)
            best, best_rho, seen = None, float("inf"), []
            for p in list(alive):
                if bound[p] > best_rho * (1 + _EPS):
                    break  # lazy evaluation as in pabutools: nothing later can beat the best
                r = self.rho(p, budgets)
                if r is _UNSURE:
                    return None
                if r is None:
                    alive.remove(p)
                    continue
                bound[p] = r
                seen.append((r, p))
                if r < best_rho:
                    best, best_rho = p, r
            if best is None:
                break
            close = [(r, p) for r, p in seen if r <= best_rho * (1 + _EPS)]
            if len(close) > 1:
                if not all(isinstance(r, _Unit) and r == best_rho for r, _ in close):
                    return None  # a near tie: only exact prices can order the projects
                best = min((p for _, p in close), key=self.key.__getitem__)
                best_rho = bound[best]
            alive.remove(best)
            order.append(best)
            prices.append(best_rho)
            self.pay(best, best_rho * self.fcost[best], budgets)
        return order, prices

    def _run_exact(self, per_voter: Fraction) -> tuple[list[str], list[Fraction]]:
        """The same run in Fractions (pabutools' algorithm); used when floats cannot decide."""
        budgets = [per_voter] * len(self.multiplicity)
        alive = self.affordable_at_start(per_voter)
        bound = {p: Fraction(1, self.supporters[p]) for p in alive}
        order, prices = [], []
        while alive:
            alive.sort(key=lambda p: (bound[p], self.key[p]))
            best = None
            for p in list(alive):
                if best is not None and bound[p] > best[0]:
                    break
                held = sorted((budgets[g], self.multiplicity[g]) for g in self.members[p])
                cost = self.cost[p]
                if sum(have * count for have, count in held) < cost:
                    alive.remove(p)
                    continue
                paid, rest = Fraction(0), self.supporters[p]
                for have, count in held:
                    q = (cost - paid) / rest
                    if have >= q:
                        break
                    paid += have * count
                    rest -= count
                bound[p] = q / cost
                if best is None or (bound[p], self.key[p]) < (best[0], self.key[best[1]]):
                    best = (bound[p], p)
            if best is None:
                break
            rho, p = best
            q = rho * self.cost[p]
            for g in self.members[p]:
                budgets[g] -= min(budgets[g], q)
            alive.remove(p)
            order.append(p)
            prices.append(rho)
        return order, prices

    def still_same(self, per_voter: Fraction, order: list[str], prices: list[float]):
        """Prices of `order` at the larger `per_voter` if MES is sure to give `order` for every budget in
        between, else None.

        Replaying the same purchases with more money per voter, every budget is at least as large at every
        round, so every price is at most as large (prices fall as the budget grows). If, at the larger
        budget, each rival of round j already costs more than the winner of round j did at the smaller one,
        then for any budget in between the rival costs more and the winner less: the same project wins.
        Rivals unaffordable at the larger budget are unaffordable in between too. Conservative: any
        doubt answers None.
        """
        alive = self.affordable_at_start(per_voter)
        if not order:
            return None if alive else []
        if order[0] not in alive:
            return None
        first = order[0]
        for p in alive:  # round 0 is exact: the price is 1/supporters whatever the budget
            if p != first and (-self.supporters[p], self.key[p]) < (-self.supporters[first], self.key[first]):
                return None
        budgets = [float(per_voter)] * len(self.multiplicity)
        alive.remove(first)
        new_prices = [self.unit[first]]
        self.pay(first, self.fcost[first] / self.supporters[first], budgets)
        bound = {p: self.unit[p] for p in alive}
        for winner, price in zip(order[1:], prices[1:], strict=True):
            rho = self.rho(winner, budgets)
            if rho is None or rho is _UNSURE:
                return None
            if winner not in alive:
                return None
            limit = price * (1 + _EPS)
            alive.remove(winner)
            for p in list(alive):
                if bound[p] > limit:
                    continue
                r = self.rho(p, budgets)
                if r is _UNSURE:
                    return None
                if r is None:
                    alive.remove(p)
                    continue
                bound[p] = r
                if r <= limit and not (_exact_tie(r, price) and self.key[winner] < self.key[p]):
                    return None
            new_prices.append(rho)
            self.pay(winner, rho * self.fcost[winner], budgets)
        for p in alive:  # nothing may be left that the voters could still buy
            if self.rho(p, budgets) is not None:
                return None
        return new_prices

    def total(self, order: list[str]) -> int:
        """Exact cost of `order`, in units of 1/scale."""
        return sum(self.icost[p] for p in order)

    def exhaustive(self, order: list[str]) -> bool:
        """True when no other supported project fits in the budget next to `order` (pabutools' test)."""
        left = self.ibudget - self.total(order)
        chosen = set(order)
        return all(self.icost[p] > left for p in self.candidates if p not in chosen)


def _exact_tie(a: float, b: float) -> bool:
    """Two prices that are both exactly 1/supporters and equal."""
    return isinstance(a, _Unit) and isinstance(b, _Unit) and a == b


def equal_shares(election: Election, per_voter=None) -> list[str]:
    """Method of Equal Shares with cost utilities, without completion.

    Every voter holds `per_voter` (default: budget / number of voters). In each round the project whose
    supporters can pay its cost with the smallest maximal payment per unit of utility is bought; each
    supporter pays that price times the cost, or all they have left. Same outcome as pabutools'
    `method_of_equal_shares(sat_class=Cost_Sat)` up to the tie-break (see the module docstring).
    """
    if not election.votes:
        return []
    shares = _Shares(election)
    if per_voter is None:
        per_voter = election.budget / shares.voters
    return shares.run(Fraction(per_voter))[0]


def equal_shares_add1(election: Election) -> list[str]:
    """Pabulib `equalshares/add1`: MES with cost utilities completed by raising each voter's budget by 1.

    Exactly pabutools' `method_of_equal_shares(..., voter_budget_increment=1)`: run MES with budget / n,
    budget / n + 1, budget / n + 2, ... per voter; stop at the first outcome that costs more than the
    real budget and return the one before it, or at the first outcome that is exhaustive (no other
    supported project fits) and return it.

    Fast because the runs are not all made: from a run, a replay with more units per voter can prove that
    every budget in between gives the same outcome (`_Shares.still_same`). The step doubles while that
    holds, then bisects; a full run is made only at the first budget not proved (Świecie 2023: 18 runs and
    about 80 replays instead of 227 runs).
    """
    if not election.votes:
        return []
    shares = _Shares(election)
    start = election.budget / shares.voters
    k = 0
    order, prices = shares.run(start)
    previous = []
    while True:
        if shares.total(order) > shares.ibudget:
            return previous
        if shares.exhaustive(order):
            return order
        previous = order
        # Certify the same outcome as far as possible: double the step until a replay fails at k + `failed`,
        # then bisect between k and that point. A full run is made only at the first k not certified.
        step, failed = 1, None
        while failed is None or failed > 1:
            step = step if failed is None else failed // 2
            later = shares.still_same(start + k + step, order, prices)
            if later is None:
                failed = step
            else:
                k, prices = k + step, later
                step, failed = step * 2, None if failed is None else failed - step
        k += 1
        order, prices = shares.run(start + k)


def supported_sets(election: Election) -> list[frozenset[str]]:
    """Each voter's supported projects: those chosen (approval, choose-1, ordinal) or given points (> 0)."""
    ordinal = election.vote_type == "ordinal"
    return [
        frozenset(v.projects if ordinal or v.points is None else (p for p, x in v.scores().items() if x > 0))
        for v in election.votes
    ]


def comparison(election: Election, ours: list[str], theirs: list[str]) -> tuple[int, int]:
    """How many voters prefer `ours` to `theirs`, and how many the reverse: a voter prefers the outcome that
    funds more of the projects they supported (equal numbers: no preference)."""
    ours_set, theirs_set = set(ours), set(theirs)
    prefer_ours = prefer_theirs = 0
    for chosen in supported_sets(election):
        a, b = len(chosen & ours_set), len(chosen & theirs_set)
        prefer_ours += a > b
        prefer_theirs += b > a
    return prefer_ours, prefer_theirs


def compared_with_greedy(election: Election) -> dict:
    """The comparison step of `equalshares/add1-comparison`: {"equal_shares", "greedy" (the two outcomes),
    "prefer_equal_shares", "prefer_greedy" (voters), "selected" (the outcome taken)}."""
    mes, most_votes = equal_shares_add1(election), greedy(election)
    prefer_mes, prefer_greedy = comparison(election, mes, most_votes)
    return {
        "equal_shares": mes,
        "greedy": most_votes,
        "prefer_equal_shares": prefer_mes,
        "prefer_greedy": prefer_greedy,
        "selected": most_votes if prefer_greedy > prefer_mes else mes,
    }


def equal_shares_add1_comparison(election: Election) -> list[str]:
    """Pabulib `equalshares/add1-comparison` (Wieliczka 2023): `equalshares/add1`, then the comparison step of
    the Method of Equal Shares: its outcome is compared with the outcome of `greedy`, voter by voter (each
    prefers the one that funds more of the projects they supported), and the greedy outcome is taken only when
    strictly more voters prefer it; a tie keeps Equal Shares (the comparison "by satisfaction" of the
    equalshares.net compute tool)."""
    return compared_with_greedy(election)["selected"]


RULES = {
    "greedy": greedy,
    "greedy-no-skip": greedy_no_skip,
    "greedy-threshold": greedy_threshold,
    "greedy-custom": greedy_custom,
    "equalshares": equal_shares,
    "equalshares/add1": equal_shares_add1,
    "equalshares/add1-comparison": equal_shares_add1_comparison,
}


def tally(election: Election, rule: str | None = None, **params) -> dict:
    """Winners of `election` by `rule` (default: the rule the file names).

    Returns {"rule", "selected" (in order of selection), "scores", "budget_used"}, and for
    `equalshares/add1-comparison` also "comparison" (the voters preferring each outcome, and the one kept); an
    unknown rule is a ValueError that lists the known ones.
    """
    rule = rule or election.rule
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; known: {', '.join(RULES)}")
    extra = {}
    if rule == "equalshares/add1-comparison":  # the step's counts are part of the published result
        step = compared_with_greedy(election, **params)
        selected = step["selected"]
        extra["comparison"] = {k: step[k] for k in ("prefer_equal_shares", "prefer_greedy")}
        extra["comparison"]["kept"] = "greedy" if selected is step["greedy"] else "equal_shares"
    else:
        selected = RULES[rule](election, **params)
    return {
        "rule": rule,
        "selected": selected,
        "scores": scores(election),
        "budget_used": sum((election.projects[pid].cost for pid in selected), Fraction(0)),
        **extra,
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: print the winners of a .pb file as JSON."""
    parser = argparse.ArgumentParser(description="Winners of a pabulib election.")
    parser.add_argument("file")
    parser.add_argument("--rule", choices=sorted(RULES), help="default: the rule named in the file")
    args = parser.parse_args(argv)
    try:
        election = read_file(args.file)
        began = time.perf_counter()
        result = tally(election, args.rule)
        seconds = time.perf_counter() - began
    except (OSError, ValueError) as error:  # a missing or malformed file, a rule this module does not know
        parser.error(f"{args.file}: {error}")
    json.dump(
        {"rule": result["rule"], "selected": result["selected"], "seconds": round(seconds, 4)},
        sys.stdout,
        ensure_ascii=False,
    )
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
