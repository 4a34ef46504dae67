/**
 * `node` / `nodes` load rows by primary key, past every list filter. A row that does not exist
 * or is soft-deleted is answered with null there, never with an error.
 */
const isMissingRow = (error: unknown) => error instanceof Error && /^Model \w+\(.*\) not found$/.test(error.message);

const isSoftDeleted = (node: unknown) =>
  typeof node === 'object' && node !== null && (node as { deletedAt?: unknown }).deletedAt != null;

export async function visibleNode(load: unknown): Promise<unknown> {
  try {
    const node = await load;
    return isSoftDeleted(node) ? null : node;
  } catch (error) {
    if (isMissingRow(error)) return null;
    throw error;
  }
}

export const visibleNodes = async (loads: Promise<unknown[]> | unknown[]) => (await loads).map(visibleNode);
