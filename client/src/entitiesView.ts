/** The Entities view in the Explorer: entities by type with counts, each expanding to its mentions. */
import * as path from 'node:path';
import { isolate } from '../../server/src/bidi';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { entitiesRequest, entityMentionsRequest, indexChangedNotification, type EntitySummary, type MentionLocation } from '../../server/src/protocol';
import { commandIds } from './xrefCommands';

export const entitiesViewId = 'newsAnnotator.entities';

type Node =
  | { kind: 'type'; type: EntitySummary['type']; entities: EntitySummary[] }
  | { kind: 'entity'; entity: EntitySummary }
  | { kind: 'mention'; mention: MentionLocation };

const types = [
  { type: 'PER', label: 'أشخاص · People', icon: 'person' },
  { type: 'LOC', label: 'أماكن · Places', icon: 'location' },
  { type: 'ORG', label: 'منظمات · Organizations', icon: 'organization' },
] as const;

class EntitiesProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const entities = await this.client.sendRequest<EntitySummary[]>(entitiesRequest, {});
      return types.map(({ type }) => ({ kind: 'type' as const, type, entities: entities.filter((e) => e.type === type) })).filter((n) => n.entities.length);
    }
    if (node.kind === 'type') return node.entities.map((entity) => ({ kind: 'entity' as const, entity }));
    if (node.kind === 'entity') {
      const mentions = await this.client.sendRequest<MentionLocation[]>(entityMentionsRequest, { id: node.entity.id });
      return mentions.map((mention) => ({ kind: 'mention' as const, mention }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'type') {
      const meta = types.find((t) => t.type === node.type)!;
      const item = new vscode.TreeItem(isolate(meta.label), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.entities.length);
      item.iconPath = new vscode.ThemeIcon(meta.icon);
      return item;
    }
    if (node.kind === 'entity') {
      const e = node.entity;
      const item = new vscode.TreeItem(isolate(e.canonicalAr), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${e.canonicalEn ? `${e.canonicalEn} · ` : ''}${e.mentions} in ${e.articles} article${e.articles === 1 ? '' : 's'}`;
      item.tooltip = `${e.canonicalAr}${e.canonicalEn ? ` (${e.canonicalEn})` : ''}: ${e.mentions} mentions in ${e.articles} articles`;
      item.contextValue = 'newsEntity';
      item.id = `entity:${e.id}`;
      return item;
    }
    const { mention } = node;
    const uri = vscode.Uri.parse(mention.uri);
    const item = new vscode.TreeItem(isolate(mention.text), vscode.TreeItemCollapsibleState.None);
    item.description = `${path.basename(uri.fsPath)}:${mention.range.start.line + 1}`;
    item.command = {
      title: 'Open mention',
      command: 'vscode.open',
      arguments: [uri, { selection: this.client.protocol2CodeConverter.asRange(mention.range) } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }
}

export function registerEntitiesView(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider = new EntitiesProvider(client);
  context.subscriptions.push(
    vscode.window.createTreeView(entitiesViewId, { treeDataProvider: provider, showCollapseAll: true }),
    client.onNotification(indexChangedNotification, () => provider.refresh()),
    // The view's context menu passes the node; the command wants the entity id.
    vscode.commands.registerCommand('newsAnnotator.showEntityMentions', (node: Node) => {
      if (node?.kind === 'entity') return vscode.commands.executeCommand(commandIds.showMentions, node.entity.id);
      return undefined;
    }),
  );
}
