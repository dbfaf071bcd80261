/** Waits for what another process's change would bring (a NOTIFY): true once `condition` holds, false after `attempts` × 20 ms. */
export async function eventually(condition: () => Promise<boolean>, attempts = 100): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}
