/** The News commands: related articles, articles mentioning an entity, quotes by a person, near-duplicate diff, all mentions. */
import * as path from 'node:path';
import { isolate } from '../../server/src/bidi';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  articlesMentioningRequest,
  entitiesRequest,
  entityMentionsRequest,
  quotesRequest,
  relatedArticlesRequest,
  type ArticleMentioning,
  type EntitySummary,
  type LspRange,
  type MentionLocation,
  type QuoteLocation,
  type RelatedArticle,
} from '../../server/src/protocol';

export const commandIds = {
  showRelated: 'newsAnnotator.showRelatedArticles',
  findMentioning: 'newsAnnotator.findArticlesMentioning',
  showQuotes: 'newsAnnotator.showQuotesBy',
  compare: 'newsAnnotator.compareWithNearDuplicate',
  showMentions: 'newsAnnotator.showAllMentions',
} as const;

const typeLabel = { PER: 'Person', LOC: 'Place', ORG: 'Organization' } as const;

export function registerXrefCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const request = <R>(method: string, params: object) => client.sendRequest<R>(method, params);
  const range = (r: LspRange) => client.protocol2CodeConverter.asRange(r);
  const open = async (uri: string, at?: LspRange) => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    await vscode.window.showTextDocument(document, at ? { selection: range(at) } : {});
  };
  const currentUri = (uri?: unknown) => (typeof uri === 'string' ? uri : uri instanceof vscode.Uri ? uri.toString() : vscode.window.activeTextEditor?.document.uri.toString());

  /** Quick pick of an entity (optionally only those quoted), most mentioned first. */
  const pickEntity = async (placeHolder: string, quotedOnly: boolean): Promise<EntitySummary | undefined> => {
    const entities = (await request<EntitySummary[]>(entitiesRequest, {})).filter((e) => !quotedOnly || e.quotes > 0);
    const picked = await vscode.window.showQuickPick(
      entities.map((e) => ({
        label: isolate(e.canonicalAr),
        description: [e.canonicalEn, typeLabel[e.type]].filter(Boolean).join(' · '),
        detail: quotedOnly ? `${e.quotes} quote(s) · ${e.mentions} mentions in ${e.articles} article(s)` : `${e.mentions} mentions in ${e.articles} article(s)`,
        entity: e,
      })),
      { placeHolder, matchOnDescription: true },
    );
    return picked?.entity;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(commandIds.showRelated, async (uri?: unknown) => {
      const target = currentUri(uri);
      if (!target) return undefined;
      const related = await request<RelatedArticle[]>(relatedArticlesRequest, { uri: target });
      if (!related.length) return void vscode.window.showInformationMessage('No related articles found.');
      const picked = await vscode.window.showQuickPick(
        related.map((r) => ({
          label: isolate(r.title || path.basename(r.uri)),
          description: `${decodeURIComponent(path.basename(r.uri))} · score ${r.score.toFixed(2)}`,
          detail: r.overlap !== undefined ? `near-duplicate: ${Math.round(r.overlap * 100)}% overlap` : undefined,
          uri: r.uri,
        })),
        { placeHolder: 'Related articles, most related first', matchOnDescription: true },
      );
      if (picked) await open(picked.uri);
      return picked?.uri;
    }),

    vscode.commands.registerCommand(commandIds.findMentioning, async () => {
      const entity = await pickEntity('Find articles mentioning…', false);
      if (!entity) return undefined;
      const articles = await request<ArticleMentioning[]>(articlesMentioningRequest, { id: entity.id });
      const picked = await vscode.window.showQuickPick(
        articles.map((a) => ({ label: isolate(a.title || path.basename(a.uri)), description: `${decodeURIComponent(path.basename(a.uri))} · ${a.mentions} mention(s)`, article: a })),
        { placeHolder: `Articles mentioning ${entity.canonicalAr}`, matchOnDescription: true },
      );
      if (picked) await open(picked.article.uri, picked.article.range);
      return picked?.article.uri;
    }),

    vscode.commands.registerCommand(commandIds.showQuotes, async () => {
      const entity = await pickEntity('Show quotes by…', true);
      if (!entity) return undefined;
      const quotes = await request<QuoteLocation[]>(quotesRequest, { id: entity.id });
      const picked = await vscode.window.showQuickPick(
        quotes.map((q) => ({ label: isolate(q.text), description: `${decodeURIComponent(path.basename(q.uri))}${q.cue ? ` · ${q.cue}` : ''}`, quote: q })),
        { placeHolder: `Quotes by ${entity.canonicalAr}, latest first`, matchOnDescription: true },
      );
      if (picked) await open(picked.quote.uri, picked.quote.range);
      return picked?.quote.uri;
    }),

    vscode.commands.registerCommand(commandIds.compare, async (uri?: unknown, other?: unknown) => {
      const target = currentUri(uri);
      if (!target) return undefined;
      let original = typeof other === 'string' ? other : undefined;
      if (!original) {
        const duplicates = (await request<RelatedArticle[]>(relatedArticlesRequest, { uri: target })).filter((r) => r.overlap !== undefined);
        if (!duplicates.length) return void vscode.window.showInformationMessage('This article has no near-duplicate in the workspace.');
        original = duplicates.length === 1
          ? duplicates[0].uri
          : (await vscode.window.showQuickPick(
              duplicates.map((d) => ({ label: decodeURIComponent(path.basename(d.uri)), description: `${Math.round(d.overlap! * 100)}% overlap`, uri: d.uri })),
              { placeHolder: 'Compare with which near-duplicate?' },
            ))?.uri;
        if (!original) return undefined;
      }
      const title = `${decodeURIComponent(path.basename(original))} ↔ ${decodeURIComponent(path.basename(target))}`;
      await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(original), vscode.Uri.parse(target), title);
      return original;
    }),

    /** From the editor: the entity under the cursor; from the Entities view: that entity (by id). */
    vscode.commands.registerCommand(commandIds.showMentions, async (entityId?: unknown) => {
      let locations: vscode.Location[];
      let anchor: vscode.Location | undefined;
      if (typeof entityId === 'string') {
        const mentions = await request<MentionLocation[]>(entityMentionsRequest, { id: entityId });
        locations = mentions.map((m) => new vscode.Location(vscode.Uri.parse(m.uri), range(m.range)));
        anchor = locations[0];
        // The references peek opens inside an editor showing the anchor.
        if (mentions.length) await open(mentions[0].uri, mentions[0].range);
      } else {
        const editor = vscode.window.activeTextEditor;
        if (!editor) return 0;
        anchor = new vscode.Location(editor.document.uri, editor.selection.active);
        locations = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, editor.selection.active)) ?? [];
      }
      if (!anchor || !locations.length) {
        void vscode.window.showInformationMessage('Place the cursor on a name to show its mentions.');
        return 0;
      }
      await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.range.start, locations);
      return locations.length;
    }),
  );
}
