"""Candles for the browser tests, stored through the Ingest function as the feed stores them:
by Lambda's Invoke API, which `serve` plays."""

import json
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone


@dataclass(frozen=True)
class Candle:
    t: datetime
    o: str
    h: str
    l: str
    c: str
    v: str = "10"

    def event(self, symbol: str) -> dict:
        stamp = self.t.strftime("%Y-%m-%dT%H:%M:00.000Z")
        return {"symbol": symbol, "t": stamp, "o": self.o, "h": self.h, "l": self.l, "c": self.c, "v": self.v}


def current_minute() -> datetime:
    return datetime.now(timezone.utc).replace(second=0, microsecond=0)


def history(count: int, base: float) -> list[Candle]:
    """`count` 1-minute candles ending with the minute before this one, a gentle zigzag."""
    start = current_minute() - timedelta(minutes=count)
    candles = []
    for index in range(count):
        open_price = base + (index % 5)
        close_price = open_price + (1 if index % 2 == 0 else -1)
        candles.append(
            Candle(
                t=start + timedelta(minutes=index),
                o=f"{open_price:.2f}",
                h=f"{max(open_price, close_price) + 0.5:.2f}",
                l=f"{min(open_price, close_price) - 0.5:.2f}",
                c=f"{close_price:.2f}",
            )
        )
    return candles


def ingest(invoke_api: str, symbol: str, candles: list[Candle]) -> None:
    body = json.dumps({"candles": [candle.event(symbol) for candle in candles]}).encode()
    request = urllib.request.Request(
        f"{invoke_api}/2015-03-31/functions/Ingest/invocations", data=body, method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.load(response)
    assert answer.get("accepted") == len(candles), answer
