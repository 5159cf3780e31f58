/** Cross-referencing in the editor: the News commands and the Entities view. The lead's extension.ts calls this once the client exists. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerEntitiesView } from './entitiesView';
import { registerXrefCommands } from './xrefCommands';

export function registerCrossReferencing(context: vscode.ExtensionContext, client: LanguageClient): void {
  registerXrefCommands(context, client);
  registerEntitiesView(context, client);
}
