// Typing in the comment, as both benchmarks time it: `count` keystrokes through the page's
// `bench.typeComment`, in batches of 20 (performance.now() is coarse in Chromium) a frame apart.
// Resolves with the milliseconds per keystroke of each batch.
export function timeTyping(page, count) {
  return page.evaluate(async (keystrokes) => {
    const batches = [];
    let text = '';
    for (let done = 0; done < keystrokes; done += 20) {
      const start = performance.now();
      for (let key = 0; key < 20; key += 1) {
        text += 'abcdefghij'[key % 10];
        window.bench.typeComment(text);
      }
      batches.push((performance.now() - start) / 20);
      await new Promise((frame) => requestAnimationFrame(frame));
    }
    return batches;
  }, count);
}
