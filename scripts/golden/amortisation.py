#!/usr/bin/env python3
"""Independent reference for the financing calculator's golden tests.

Written from the conventions' definitions (ISDA 2006 §4.16 day counts, the SIA 30/360 rule,
the annuity formula, Fineract's "installment amount in multiples of", the grace and fee
rules stated in libs/financing/src/domain/schedule.ts's doc comment), not from the TypeScript,
in another language and with other libraries: exact rational arithmetic (fractions) rounded
once per amount, Python's datetime for dates. A mistake has to be made twice to pass.
Regenerate the golden file with:

    python3 scripts/golden/amortisation.py > libs/financing/src/domain/golden/schedules.json
"""
import calendar
import datetime as dt
import json
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, getcontext
from fractions import Fraction as F

getcontext().prec = 60
FEN = Decimal("0.01")
LEGACY = ("ACT/360", "ACT/365", "30/360")


def to_fen(x, mode="HALF_UP"):
    """A rational amount to the fen, half-up (四舍五入) or half-even."""
    exact = Decimal(x.numerator) / Decimal(x.denominator)
    return F(exact.quantize(FEN, rounding=ROUND_HALF_EVEN if mode == "HALF_EVEN" else ROUND_HALF_UP))


def money(x):
    """An amount already at the fen, as the wire's string."""
    return f"{Decimal(x.numerator) / Decimal(x.denominator):.2f}"


def date(s):
    return dt.date.fromisoformat(s)


def add_months(d, k):
    month0 = d.month - 1 + k
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def on_day(d, day):
    return d.replace(day=min(day, calendar.monthrange(d.year, d.month)[1]))


def last_of_feb(d):
    return d.month == 2 and d.day == calendar.monthrange(d.year, 2)[1]


def thirty(y1, m1, d1, y2, m2, d2):
    return 360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1)


def days(conv, a, b):
    """The period's day count (actual days for the actual and periodic conventions)."""
    if conv == "30/360":  # the older rule kept for recorded loans: day 31 → 30 only
        d1 = min(a.day, 30)
        return thirty(a.year, a.month, d1, b.year, b.month, 30 if b.day == 31 and d1 == 30 else b.day)
    if conv == "30/360-US":  # SIA: February's last day is the 30th
        d1, d2 = a.day, b.day
        if last_of_feb(a) and last_of_feb(b):
            d2 = 30
        if last_of_feb(a):
            d1 = 30
        if d2 == 31 and d1 >= 30:
            d2 = 30
        d1 = min(d1, 30)
        return thirty(a.year, a.month, d1, b.year, b.month, d2)
    if conv == "30E/360":  # ISDA 2006 §4.16(g)
        return thirty(a.year, a.month, min(a.day, 30), b.year, b.month, min(b.day, 30))
    return (b - a).days


def year_fraction(conv, a, b):
    if conv == "ACT/ACT-ISDA":  # ISDA 2006 §4.16(b)
        total, cursor = F(0), a
        while cursor < b:
            end = min(dt.date(cursor.year + 1, 1, 1), b)
            total += F((end - cursor).days, 366 if calendar.isleap(cursor.year) else 365)
            cursor = end
        return total
    if conv == "PERIODIC-12":  # whole months back from the end are twelfths, the rest days over 360
        months = 0
        while add_months(b, -(months + 1)) >= a:
            months += 1
        return F(months, 12) + F((add_months(b, -months) - a).days, 360)
    basis = {"ACT/360": 360, "ACT/365": 365, "ACT/365F": 365, "ACT/364": 364, "30/360": 360, "30/360-US": 360, "30E/360": 360}[conv]
    return F(days(conv, a, b), basis)


PER_YEAR = {"WEEKLY": 52, "MONTHLY": 12, "QUARTERLY": 4, "AT_MATURITY": 12}
MONTHS = {"MONTHLY": 1, "QUARTERLY": 3}


def nth_date(c, anchor, k):
    freq = c.get("repaymentFrequency", "MONTHLY")
    if freq == "WEEKLY":
        return anchor + dt.timedelta(days=7 * k)
    moved = add_months(anchor, MONTHS.get(freq, 1) * k)
    return on_day(moved, c["repaymentDay"]) if c.get("repaymentDay") else moved


def due_dates(c):
    start = date(c["startDate"])
    kind = c.get("amortisation") or c.get("method")
    at_maturity = kind == "BULLET" or c.get("repaymentFrequency") == "AT_MATURITY"
    maturity = date(c["maturityDate"]) if c.get("maturityDate") else (nth_date(c, start, c["instalments"]) if at_maturity else None)
    if c.get("interestSettlement"):
        s = c["interestSettlement"]
        out, month = [], start.replace(day=1)
        while True:
            if s["frequency"] == "MONTHLY" or month.month % 3 == 0:
                d = on_day(month, s.get("day", start.day))
                if d >= maturity:
                    break
                if d > start:
                    out.append(d)
            month = add_months(month, 1)
        return out + [maturity]
    if at_maturity:
        return [maturity]
    n = c["instalments"]
    if not c.get("firstDueDate") and not c.get("repaymentDay"):
        return [nth_date(c, start, i + 1) for i in range(n)]
    if c.get("firstDueDate"):
        first = date(c["firstDueDate"])
    else:
        first = on_day(start, c["repaymentDay"])
        if first <= start:
            first = on_day(add_months(start, 1), c["repaymentDay"])
        regular = nth_date({**c, "repaymentDay": None}, start, 1)
        if c.get("firstPeriod") == "LONG" and first < regular:
            first = nth_date(c, first, 1)
    return [nth_date(c, first, i) for i in range(n)]


def interest(c, opening, a, b, term=None):
    """A period's interest; `term` is (first day, last due date, periods) for flat interest by actual days."""
    rate, mode = F(c["annualRate"]), c.get("rounding", {}).get("mode", "HALF_UP")
    if c.get("interestType") == "FLAT":
        base = F(c["principal"])
        if c.get("flatBasis") == "ACTUAL_DAYS":  # the whole term by its days, in equal shares, the last the rest
            first, last, n = term
            whole = to_fen(base * rate * year_fraction(c["dayCount"], first, last), mode)
            share = to_fen(whole / n, mode)
            return whole - share * (n - 1) if b == last else share
        if c.get("repaymentFrequency") == "AT_MATURITY":
            return to_fen(base * rate * year_fraction(c["dayCount"], a, b), mode)
        return to_fen(base * rate / PER_YEAR[c.get("repaymentFrequency", "MONTHLY")], mode)
    return to_fen(opening * rate * year_fraction(c["dayCount"], a, b), mode)


def fee_of(c, fee):
    mode = c.get("rounding", {}).get("mode", "HALF_UP")
    return F(fee["amount"]) if "amount" in fee else to_fen(F(c["principal"]) * F(fee["rate"]), mode)


def level_payment(c, spans, term):
    """等额本息: the annuity (declining) or (P + the term's flat interest) / m, to the fen, then to the multiple."""
    p, m = F(c["principal"]), len(spans)
    mode = c.get("rounding", {}).get("mode", "HALF_UP")
    if c.get("interestType") == "FLAT":
        exact = (p + sum(interest(c, p, a, b, term) for a, b in spans)) / m
    else:
        r = F(c["annualRate"]) / PER_YEAR[c.get("repaymentFrequency", "MONTHLY")]
        # (1 + r)^-m exactly as a fraction; the annuity is rounded once
        exact = p / m if r == 0 else p * r / (1 - 1 / (1 + r) ** m)
    a = to_fen(exact, mode)
    unit = c.get("rounding", {}).get("instalmentMultiple")
    if unit:
        q = Decimal(a.numerator) / Decimal(a.denominator) / Decimal(unit)
        a = F(q.quantize(Decimal(1), rounding=ROUND_HALF_EVEN if mode == "HALF_EVEN" else ROUND_HALF_UP)) * int(unit)
    return a


def schedule(c):
    p = F(c["principal"])
    mode = c.get("rounding", {}).get("mode", "HALF_UP")
    dues = due_dates(c)
    starts = [date(c["startDate"])] + dues[:-1]
    spans = list(zip(starts, dues))
    n = len(spans)
    term = (spans[0][0], spans[-1][1], n)
    kind = c.get("amortisation") or c.get("method")
    grace = n - 1 if kind in ("BULLET", "INTEREST_ONLY") else min(c.get("grace", {}).get("principalPeriods", 0), n - 1)
    igrace = min(c.get("grace", {}).get("interestPeriods", 0), n - 1)
    if kind == "EQUAL_PRINCIPAL":
        level = to_fen(p / (n - grace), mode)
    elif kind == "FIXED_PRINCIPAL_PERCENT":
        level = to_fen(p * F(c["principalPercent"]), mode)
    elif kind == "EQUAL_INSTALMENT":
        level = level_payment(c, spans[grace:], term)
    per_fee = [f for f in c.get("fees", []) if f["kind"] == "PER_PERIOD"]
    line_fee = sum((fee_of(c, f) for f in per_fee), F(0))
    rows, balance, deferred = [], p, F(0)
    for i, (a, b) in enumerate(spans):
        own = interest(c, balance, a, b, term)
        if i < igrace:
            shown, deferred = F(0), deferred + own
        else:
            shown, deferred = own + deferred, F(0)
        if i == n - 1:
            paid = balance
        elif i < grace:
            paid = F(0)
        else:
            paid = max(F(0), min(level - own if kind == "EQUAL_INSTALMENT" else level, balance))
        row = {
            "number": i + 1,
            "dueDate": b.isoformat(),
            "days": days(c["dayCount"], a, b),
            "openingPrincipal": money(balance),
            "principal": money(paid),
            "interest": money(shown),
        }
        if per_fee:
            row["fee"] = money(line_fee)
        row["payment"] = money(paid + shown + line_fee)
        row["closingPrincipal"] = money(balance - paid)
        rows.append(row)
        balance -= paid
    fee = to_fen(p * F(c.get("upfrontFeeRate", "0")))  # the older up-front fee, half-up
    fee += sum((fee_of(c, f) for f in c.get("fees", []) if f["kind"] == "UPFRONT"), F(0))
    total_interest = sum((F(Decimal(r["interest"])) for r in rows), F(0))
    return {
        "currency": c.get("currency", "CNY"),
        "lines": rows,
        "fee": money(fee),
        "totalPrincipal": money(p),
        "totalInterest": money(total_interest),
        "totalPayable": money(p + total_interest + fee + line_fee * n),
    }


CASES = [
    # The textbook annuity: ¥100,000 at 12% for 12 months, 30/360 → ¥8,884.88 a month.
    {"name": "textbook annuity 100k 12% 12m 30/360", "principal": "100000.00", "annualRate": "0.12", "dayCount": "30/360", "method": "EQUAL_INSTALMENT", "startDate": "2026-01-15", "instalments": 12},
    {"name": "pledge loan equal instalment ACT/365", "principal": "5000000.00", "annualRate": "0.0435", "dayCount": "ACT/365", "method": "EQUAL_INSTALMENT", "startDate": "2026-11-30", "instalments": 6, "upfrontFeeRate": "0.003"},
    {"name": "pledge loan equal principal ACT/360", "principal": "3000000.00", "annualRate": "0.052", "dayCount": "ACT/360", "method": "EQUAL_PRINCIPAL", "startDate": "2027-01-31", "instalments": 12},
    {"name": "pledge loan equal principal ACT/365 indivisible", "principal": "1000000.00", "annualRate": "0.0385", "dayCount": "ACT/365", "method": "EQUAL_PRINCIPAL", "startDate": "2026-12-10", "instalments": 7},
    {"name": "receivable financing bullet to the invoice due date ACT/360", "principal": "1000000.00", "annualRate": "0.045", "dayCount": "ACT/360", "method": "BULLET", "startDate": "2026-11-26", "instalments": 1, "maturityDate": "2027-01-31", "upfrontFeeRate": "0.001"},
    {"name": "bullet one month ACT/365 leap February", "principal": "250000.00", "annualRate": "0.06", "dayCount": "ACT/365", "method": "BULLET", "startDate": "2028-01-31", "instalments": 1},
    {"name": "zero rate equal instalment", "principal": "1000.00", "annualRate": "0", "dayCount": "ACT/360", "method": "EQUAL_INSTALMENT", "startDate": "2026-03-01", "instalments": 3},
    # The conventions of issue 13, each from its definition.
    {"name": "flat per period, level instalment in multiples of 10", "principal": "100000.00", "annualRate": "0.08", "dayCount": "ACT/365F", "interestType": "FLAT", "amortisation": "EQUAL_INSTALMENT", "startDate": "2027-03-15", "instalments": 12, "rounding": {"mode": "HALF_UP", "instalmentMultiple": "10"}},
    {"name": "flat by actual days, equal principal", "principal": "60000.00", "annualRate": "0.0725", "dayCount": "ACT/365F", "interestType": "FLAT", "flatBasis": "ACTUAL_DAYS", "amortisation": "EQUAL_PRINCIPAL", "startDate": "2027-01-31", "instalments": 6},
    {"name": "等额本息 annual/12 per period (PERIODIC-12)", "principal": "1000000.00", "annualRate": "0.049", "dayCount": "PERIODIC-12", "amortisation": "EQUAL_INSTALMENT", "startDate": "2027-05-31", "instalments": 36},
    {"name": "level instalment in multiples of 100 ACT/360", "principal": "250000.00", "annualRate": "0.0435", "dayCount": "ACT/360", "amortisation": "EQUAL_INSTALMENT", "startDate": "2027-02-10", "instalments": 10, "rounding": {"mode": "HALF_UP", "instalmentMultiple": "100"}},
    {"name": "first due date: a long first period", "principal": "300000.00", "annualRate": "0.052", "dayCount": "ACT/365F", "amortisation": "EQUAL_PRINCIPAL", "startDate": "2027-04-08", "firstDueDate": "2027-05-25", "instalments": 4},
    {"name": "repayment day 20, short first period", "principal": "500000.00", "annualRate": "0.0465", "dayCount": "ACT/360", "amortisation": "EQUAL_INSTALMENT", "startDate": "2027-06-11", "repaymentDay": 20, "instalments": 6},
    {"name": "repayment day 5, long first period", "principal": "500000.00", "annualRate": "0.0465", "dayCount": "ACT/360", "amortisation": "EQUAL_INSTALMENT", "startDate": "2027-06-11", "repaymentDay": 5, "firstPeriod": "LONG", "instalments": 6},
    {"name": "repayment day 31 through February", "principal": "90000.00", "annualRate": "0.06", "dayCount": "ACT/365F", "amortisation": "EQUAL_PRINCIPAL", "startDate": "2027-01-10", "repaymentDay": 31, "instalments": 4},
    {"name": "fixed principal 15% with a balloon", "principal": "800000.00", "annualRate": "0.055", "dayCount": "ACT/360", "amortisation": "FIXED_PRINCIPAL_PERCENT", "principalPercent": "0.15", "startDate": "2027-01-15", "instalments": 6},
    {"name": "weekly ACT/364", "principal": "52000.00", "annualRate": "0.104", "dayCount": "ACT/364", "amortisation": "EQUAL_INSTALMENT", "repaymentFrequency": "WEEKLY", "startDate": "2027-12-20", "instalments": 8},
    {"name": "quarterly ACT/ACT ISDA across a leap year end", "principal": "2000000.00", "annualRate": "0.0475", "dayCount": "ACT/ACT-ISDA", "amortisation": "EQUAL_PRINCIPAL", "repaymentFrequency": "QUARTERLY", "startDate": "2027-11-30", "instalments": 4},
    {"name": "30/360 US from 31 January", "principal": "360000.00", "annualRate": "0.06", "dayCount": "30/360-US", "amortisation": "EQUAL_INSTALMENT", "startDate": "2027-01-31", "instalments": 4},
    {"name": "30E/360 from 31 January", "principal": "360000.00", "annualRate": "0.06", "dayCount": "30E/360", "amortisation": "EQUAL_INSTALMENT", "startDate": "2027-01-31", "instalments": 4},
    {"name": "先息后本 interest-only then principal at maturity", "principal": "1000000.00", "annualRate": "0.045", "dayCount": "ACT/360", "amortisation": "INTEREST_ONLY", "startDate": "2027-03-10", "instalments": 12},
    {"name": "按季结息 on the 20th, principal at maturity", "principal": "5000000.00", "annualRate": "0.0435", "dayCount": "ACT/360", "amortisation": "INTEREST_ONLY", "interestSettlement": {"frequency": "QUARTERLY", "day": 20}, "startDate": "2027-02-08", "maturityDate": "2028-02-08", "instalments": 1},
    {"name": "grace: 3 periods on principal, 2 on interest", "principal": "400000.00", "annualRate": "0.058", "dayCount": "ACT/365F", "amortisation": "EQUAL_INSTALMENT", "startDate": "2027-07-01", "instalments": 12, "grace": {"principalPeriods": 3, "interestPeriods": 2}},
    {"name": "fees: up-front amount and rate, per-period rate", "principal": "200000.00", "annualRate": "0.05", "dayCount": "ACT/365F", "amortisation": "EQUAL_PRINCIPAL", "startDate": "2027-09-01", "instalments": 4, "upfrontFeeRate": "0.001", "fees": [{"kind": "UPFRONT", "amount": "500.00"}, {"kind": "PER_PERIOD", "rate": "0.0015"}]},
    {"name": "half-even rounding", "principal": "1001.00", "annualRate": "0.06", "dayCount": "PERIODIC-12", "amortisation": "EQUAL_PRINCIPAL", "startDate": "2027-01-05", "instalments": 3, "rounding": {"mode": "HALF_EVEN"}},
    {"name": "half-up rounding of the same loan", "principal": "1001.00", "annualRate": "0.06", "dayCount": "PERIODIC-12", "amortisation": "EQUAL_PRINCIPAL", "startDate": "2027-01-05", "instalments": 3},
]

if __name__ == "__main__":
    print(json.dumps([{"terms": {k: v for k, v in c.items() if k != "name"}, "name": c["name"], "expected": schedule(c)} for c in CASES], indent=1, ensure_ascii=False))
