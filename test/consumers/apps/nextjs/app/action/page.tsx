import { closeFromServer } from './actions';

export default async function ActionPage({ searchParams }: { searchParams: Promise<{ rid?: string; outcome?: string }> }) {
  const { rid, outcome } = await searchParams;
  return (
    <main>
      <h1>Server action</h1>
      {outcome ? <p role="status">{`${rid ?? ''}: ${outcome}`}</p> : null}
      <form action={closeFromServer}>
        <input type="hidden" name="rid" value="room-3" />
        <label>
          Comment <textarea name="comment" />
        </label>
        <button type="submit">Close on the server</button>
      </form>
    </main>
  );
}
