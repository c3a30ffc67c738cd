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

// Opening the dialog, as both benchmarks time it: 3 opens to warm up (the first compiles and lays
// out everything once), then `runs` opens, each closed again. Resolves with each open's times.
export async function timeOpens(page, runs) {
  for (let index = 0; index < 3; index += 1) {
    await page.evaluate(() => window.bench.open());
    await page.evaluate(() => window.bench.close());
  }
  const open = [];
  for (let index = 0; index < runs; index += 1) {
    open.push(await page.evaluate(() => window.bench.open()));
    await page.evaluate(() => window.bench.close());
  }
  return open;
}
