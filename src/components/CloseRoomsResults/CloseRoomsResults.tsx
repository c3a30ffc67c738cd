import { memo, useState } from 'react';
import type { BulkRoomState } from '../../bulk/types';
import type { CloseRoomsMessages } from '../../i18n/close-rooms-messages';
import { formatMessage } from '../../i18n/messages';

/** Props of `CloseRoomsResults`, the per-room outcomes of a bulk close. */
export interface CloseRoomsResultsProps {
  /** Prefix of the ids. */
  id: string;
  /** The rooms of the job (`snapshot.rooms`). */
  rooms: readonly BulkRoomState[];
  /** The texts (`enCloseRoomsMessages`, or a merged override). */
  messages: CloseRoomsMessages;
  /** Whether transcripts were asked for (a closed room without an e-mail then says so). @default false */
  transcriptAsked?: boolean;
  /** Rows per page: the list stays this long for 1,000 rooms, so each update renders in a frame. @default 50 */
  pageSize?: number;
}

const PROBLEMS = new Set(['failed', 'skipped', 'cancelled']);

// The skip reasons are written to follow "Name: "; alone in a cell they start a sentence.
const sentence = (text: string, locale: string) => `${text.charAt(0).toLocaleUpperCase(locale)}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

interface RowProps {
  room: BulkRoomState;
  messages: CloseRoomsMessages;
  transcriptAsked: boolean;
}

// One row per room, memoised on the room's (stable) snapshot object: a progress update
// re-renders only the rows whose room changed.
const Row = /* @__PURE__ */ memo(function Row({ room, messages: m, transcriptAsked }: RowProps) {
  let reason = '';
  if (room.status === 'failed' && room.error) reason = m.reasons[room.error];
  else if (room.status === 'skipped' && room.skipReason) reason = sentence(formatMessage(m.skipReasons[room.skipReason], { department: room.department ?? '' }), m.locale);
  else if (room.status === 'closed' && transcriptAsked && room.transcriptSent === false) reason = m.noTranscript;
  else if (room.status === 'queued' && room.uncertain) reason = m.uncertain;
  return (
    <tr data-status={room.status}>
      <th scope="row">
        <bdi>{room.name ?? room.rid}</bdi>
      </th>
      <td>{m.statuses[room.status]}</td>
      <td>{reason}</td>
    </tr>
  );
});

/**
 * Every room of a bulk close with its outcome and the reason in words, a page at a time (a
 * bounded list: 1,000 rooms never render 1,000 rows), all or only those not closed.
 */
export function CloseRoomsResults({ id, rooms, messages: m, transcriptAsked = false, pageSize = 50 }: CloseRoomsResultsProps) {
  const [filter, setFilter] = useState<'all' | 'problems'>('all');
  const [page, setPage] = useState(0);
  const shown = filter === 'all' ? rooms : rooms.filter((room) => PROBLEMS.has(room.status));
  const pages = Math.max(1, Math.ceil(shown.length / pageSize));
  // Derived: a page past the end (the filter shrank the list) shows the last one.
  const current = Math.min(page, pages - 1);
  const from = current * pageSize;
  const visible = shown.slice(from, from + pageSize);
  const number = (value: number) => value.toLocaleString(m.locale);

  return (
    <section className="rcou-bulk__results" aria-labelledby={`${id}-results`}>
      <h3 id={`${id}-results`} className="rcou-bulk__subheading">
        {m.resultsHeading}
      </h3>
      <fieldset className="rcou-bulk__filter">
        <legend>{m.filterLabel}</legend>
        {(['all', 'problems'] as const).map((value) => (
          <label key={value} className="rcou-check">
            <input
              type="radio"
              className="rcou-check__input"
              name={`${id}-filter`}
              checked={filter === value}
              onChange={() => {
                setFilter(value);
                setPage(0);
              }}
            />
            {value === 'all' ? m.filterAll : m.filterProblems}
          </label>
        ))}
      </fieldset>
      {visible.length === 0 ? (
        <p>{m.noResults}</p>
      ) : (
        <div className="rcou-bulk__table-wrap">
          <table className="rcou-bulk__table" aria-labelledby={`${id}-results`} aria-describedby={`${id}-page`}>
            <thead>
              <tr>
                <th scope="col">{m.columns.room}</th>
                <th scope="col">{m.columns.status}</th>
                <th scope="col">{m.columns.reason}</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((room) => (
                <Row key={room.rid} room={room} messages={m} transcriptAsked={transcriptAsked} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="rcou-bulk__pager">
        <button type="button" className="rcou-button" aria-disabled={current === 0 || undefined} onClick={() => current > 0 && setPage(current - 1)}>
          {m.previousPage}
        </button>
        <span id={`${id}-page`}>{formatMessage(m.page, { from: number(shown.length ? from + 1 : 0), to: number(from + visible.length), total: number(shown.length) })}</span>
        <button type="button" className="rcou-button" aria-disabled={current >= pages - 1 || undefined} onClick={() => current < pages - 1 && setPage(current + 1)}>
          {m.nextPage}
        </button>
      </div>
    </section>
  );
}
