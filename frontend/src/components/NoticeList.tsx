import { clearNotices, dismissNotice, useNotices } from "./noticeStore";

/** How many notices show at once; the newest win and the rest are counted. */
const VISIBLE = 5;

/**
 * The toasts, inside one polite live region that is always in the page, so that screen
 * readers announce each notice as it is added.
 */
export function NoticeList() {
  const notices = useNotices();
  const shown = notices.slice(-VISIBLE);
  const hidden = notices.length - shown.length;
  return (
    <div className="notices">
      <div role="status" aria-live="polite">
        {shown.length > 0 ? (
          <ul className="notice-list">
            {shown.map((notice) => (
              <li key={notice.id} className="toast">
                <p>{notice.text}</p>
                <button type="button" onClick={() => dismissNotice(notice.id)}>
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {notices.length > 1 ? (
        <div className="toast-actions">
          {hidden > 0 ? <span>{hidden} more</span> : null}
          <button type="button" onClick={clearNotices}>
            Dismiss all
          </button>
        </div>
      ) : null}
    </div>
  );
}
