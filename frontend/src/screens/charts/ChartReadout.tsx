import type { Candle, Interval } from "../../api/types";
import { formatCandleTime } from "../../chart/timeFormat";
import { compareDecimal } from "../../market/decimal";

/** Open, high, low, close and volume of one candle, as the API wrote them. */
export function ChartReadout(props: { candle: Candle; interval: Interval }) {
  const { candle } = props;
  const direction = compareDecimal(candle.c, candle.o) >= 0 ? "up" : "down";
  return (
    <dl className="chart-readout">
      <div>
        <dt className="visually-hidden">Time</dt>
        <dd>{formatCandleTime(candle.t, props.interval)}</dd>
      </div>
      <div>
        <dt>O</dt>
        <dd>{candle.o}</dd>
      </div>
      <div>
        <dt>H</dt>
        <dd>{candle.h}</dd>
      </div>
      <div>
        <dt>L</dt>
        <dd>{candle.l}</dd>
      </div>
      <div>
        <dt>C</dt>
        <dd className={direction}>{candle.c}</dd>
      </div>
      <div>
        <dt>V</dt>
        <dd>{candle.v}</dd>
      </div>
    </dl>
  );
}
