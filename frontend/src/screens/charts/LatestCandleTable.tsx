import type { Candle, Interval } from "../../api/types";
import { intervalLabel } from "../../chart/intervals";
import { formatCandleTime } from "../../chart/timeFormat";

/** The newest candle as a table: what the canvas shows, in words. */
export function LatestCandleTable(props: { symbol: string; interval: Interval; candle: Candle }) {
  const { candle } = props;
  return (
    <div className="chart-table-wrap">
      <table className="chart-table">
        <caption>
          Latest {intervalLabel(props.interval)} candle of {props.symbol}
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Open</th>
            <th scope="col">High</th>
            <th scope="col">Low</th>
            <th scope="col">Close</th>
            <th scope="col">Volume</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{formatCandleTime(candle.t, props.interval)}</td>
            <td>{candle.o}</td>
            <td>{candle.h}</td>
            <td>{candle.l}</td>
            <td>{candle.c}</td>
            <td>{candle.v}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
