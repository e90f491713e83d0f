#!/usr/bin/env python3
"""Independent reference for the financing calculator's golden tests.

Written from the schedule rules stated in libs/financing/src/domain/schedule.ts, not from
its code, in another language and with other libraries (Python's decimal and datetime),
so that a mistake has to be made twice to pass. Regenerate the golden file with:

    python3 scripts/golden/amortisation.py > libs/financing/src/domain/golden/schedules.json
"""
import calendar
import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal, getcontext

getcontext().prec = 50
FEN = Decimal("0.01")


def fen(x):
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def add_months(d, k):
    month0 = d.month - 1 + k
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def days(convention, a, b):
    if convention == "30/360":
        d1 = min(a.day, 30)
        d2 = 30 if (b.day == 31 and d1 == 30) else b.day
        return 360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1)
    return (b - a).days


def basis(convention):
    return {"ACT/360": 360, "ACT/365": 365, "30/360": 360}[convention]


def schedule(case):
    p = Decimal(case["principal"])
    rate = Decimal(case["annualRate"])
    n = case["instalments"]
    start = dt.date.fromisoformat(case["startDate"])
    conv = case["dayCount"]
    method = case["method"]
    if method == "BULLET" and case.get("maturityDate"):
        dues = [dt.date.fromisoformat(case["maturityDate"])]
    else:
        dues = [add_months(start, i + 1) for i in range(n)]
    monthly = rate / 12
    if monthly == 0:
        payment = fen(p / n)
    else:
        payment = fen(p * monthly / (1 - (1 + monthly) ** (-n)))
    level_principal = fen(p / n)

    rows, balance, prev = [], p, start
    for i, due in enumerate(dues):
        k = days(conv, prev, due)
        interest = fen(balance * rate * k / basis(conv))
        if i == len(dues) - 1 or method == "BULLET":
            paid = balance
        elif method == "EQUAL_PRINCIPAL":
            paid = level_principal
        else:
            paid = payment - interest
        rows.append(
            {
                "number": i + 1,
                "dueDate": due.isoformat(),
                "days": k,
                "openingPrincipal": str(fen(balance)),
                "principal": str(fen(paid)),
                "interest": str(interest),
                "payment": str(fen(paid + interest)),
                "closingPrincipal": str(fen(balance - paid)),
            }
        )
        balance -= paid
        prev = due
    fee = fen(p * Decimal(case.get("upfrontFeeRate", "0")))
    total_interest = sum((Decimal(r["interest"]) for r in rows), Decimal(0))
    return {
        "currency": "CNY",
        "lines": rows,
        "fee": str(fee),
        "totalPrincipal": str(fen(p)),
        "totalInterest": str(fen(total_interest)),
        "totalPayable": str(fen(p + total_interest + fee)),
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
]

if __name__ == "__main__":
    print(json.dumps([{"terms": {k: v for k, v in c.items() if k != "name"}, "name": c["name"], "expected": schedule(c)} for c in CASES], indent=1, ensure_ascii=False))
