import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every .txt file below a folder, in name order at each level, so runs over a corpus are reproducible. */
export function listTextFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...listTextFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.txt')) files.push(full);
  }
  return files;
}
