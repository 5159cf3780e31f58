// Entry point VS Code loads as extensionTestsPath: it calls run() inside the extension host
// and takes a rejection as failure (exit code 1).
import { runAll } from './runner';
import './extension.test';
import './xref.test';
import './commands.test';

export function run(): Promise<void> {
  return runAll();
}
