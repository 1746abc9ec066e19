#!/usr/bin/env node
/*
 * Peer comparison for Loket: NLP.js (node-nlp) trained on the example questions of the Loket
 * knowledge base and run on the same labelled development set as the Java evaluation
 * (src/test/java/nl/loket/assistant/AssistantEvaluation.java), with the same definitions.
 *
 *   node evaluate.js [path-to-devset.jsonl] [path-to-knowledge-folder] [--threshold=0.5] [--misses]
 *
 * Paths default to the repository's own dev set and knowledge folder, found from this file's
 * location. NLP.js has no triage: it either returns a KB topic (an "answer") or it does not.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const { NlpManager } = require('node-nlp');
const { LangNl, StemmerNl, TokenizerNl } = require('@nlpjs/lang-nl');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const DEFAULT_DEVSET = path.join(REPO_ROOT, 'src', 'test', 'resources', 'evaluation', 'devset.jsonl');
const DEFAULT_KNOWLEDGE = path.join(REPO_ROOT, 'src', 'main', 'resources', 'knowledge');
const LANGUAGES = ['nl', 'en'];
const SWEEP = [0.3, 0.5, 0.7];
const WARM_UP = 50; // as in AssistantEvaluation: measure the classifier, not the JIT

function parseArgs(argv) {
  const positional = [];
  let threshold = 0.5;
  let misses = false;
  for (const arg of argv) {
    if (arg.startsWith('--threshold=')) {
      threshold = Number(arg.slice('--threshold='.length));
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
        throw new Error(`--threshold must be a number in [0, 1], got ${arg}`);
      }
    } else if (arg === '--misses') {
      misses = true;
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  return {
    devset: path.resolve(positional[0] || DEFAULT_DEVSET),
    knowledge: path.resolve(positional[1] || DEFAULT_KNOWLEDGE),
    threshold,
    misses,
  };
}

/** Front matter of a KB article: the YAML between the opening '---' and the next '---' line. */
function frontMatter(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(text);
  if (!match) {
    throw new Error(`${file}: no YAML front matter`);
  }
  return YAML.parse(match[1]) || {};
}

function readKnowledge(folder) {
  const articles = [];
  for (const language of LANGUAGES) {
    const dir = path.join(folder, language);
    if (!fs.existsSync(dir)) {
      continue;
    }
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
      const meta = frontMatter(path.join(dir, name));
      const list = (value) => (Array.isArray(value) ? value : value == null ? [] : [value])
        .map((v) => String(v).trim()).filter((v) => v.length > 0);
      articles.push({
        topic: String(meta.topic || path.basename(name, '.md')),
        language: String(meta.language || language),
        title: meta.title == null ? null : String(meta.title),
        examples: list(meta.examples),
        keywords: list(meta.keywords),
      });
    }
  }
  if (articles.length === 0) {
    throw new Error(`no KB articles under ${folder}/{${LANGUAGES.join(',')}}`);
  }
  return articles;
}

function readDevset(file) {
  return fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim().length > 0).map((line, i) => {
    const n = JSON.parse(line);
    if (!n.id || typeof n.text !== 'string' || !n.expect) {
      throw new Error(`${file}:${i + 1}: needs id, text and expect`);
    }
    return {
      id: n.id,
      text: n.text,
      channel: n.channel || 'CHAT',
      language: n.language || 'nl',
      expect: n.expect,
      topic: n.topic == null ? null : n.topic,
      reason: n.reason == null ? null : n.reason,
    };
  });
}

/**
 * Residents' labelled questions in <knowledge>/questions/*.txt, as Loket's categorizer reads them:
 * <language>|<topic>|<question>, '-' for a question no article answers (NLP.js's own 'None' intent).
 */
function readQuestions(folder) {
  const dir = path.join(folder, 'questions');
  if (!fs.existsSync(dir)) {
    return [];
  }
  const questions = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    for (const raw of fs.readFileSync(path.join(dir, name), 'utf8').split(/\r?\n/)) {
      const line = raw.trim();
      if (line.length === 0 || line.startsWith('#')) {
        continue;
      }
      const [language, topic, ...rest] = line.split('|');
      questions.push({ language, topic: topic === '-' ? 'None' : topic, text: rest.join('|') });
    }
  }
  return questions;
}

function buildManager(articles, questions = []) {
  const manager = new NlpManager({
    languages: LANGUAGES,
    forceNER: false,
    autoSave: false,
    autoLoad: false,
    nlu: { log: false },
    // NLP.js turns any intent scoring below its own threshold (default 0.5) into 'None'. Set it to
    // 0 so the raw top intent and score come back, and apply the threshold(s) here instead.
    threshold: 0,
  });
  // node-nlp registers every language through @nlpjs/lang-all; this makes the Dutch pipeline
  // explicitly the one from @nlpjs/lang-nl (the same package, deduplicated by npm).
  manager.container.use(LangNl);
  let documents = 0;
  for (const a of articles) {
    const texts = [...a.examples, ...(a.title ? [a.title] : []), ...a.keywords];
    for (const t of texts) {
      manager.addDocument(a.language, t, a.topic);
      documents += 1;
    }
  }
  for (const q of questions) {
    manager.addDocument(q.language, q.text, q.topic);
    documents += 1;
  }
  return { manager, documents };
}

function nowMs(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The decision call: the item's language if nl/en, else NLP.js guesses (restricted to nl/en). */
async function decide(manager, item) {
  const start = process.hrtime.bigint();
  const result = LANGUAGES.includes(item.language)
    ? await safeProcess(manager, item.language, item.text)
    : await safeProcess(manager, undefined, item.text);
  return { result, ms: nowMs(start) };
}

/**
 * NLP.js 4.x's language guesser throws (TypeError in Language.detectAll) on text in a script it
 * has no trigram data for among the allowed languages, e.g. Arabic or Cyrillic with ['nl', 'en'].
 * Such a call gives no intent: counted as not answered, with no detected language.
 */
async function safeProcess(manager, language, text) {
  try {
    return language ? await manager.process(language, text) : await manager.process(text);
  } catch (error) {
    return { intent: undefined, score: 0, locale: undefined, error };
  }
}

/** Same percentile as AssistantEvaluation: sorted[ceil(p * n) - 1]. */
function percentile(sorted, p) {
  const index = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
}

function answeredAt(r, threshold) {
  return r.intent != null && r.intent !== 'None' && r.score >= threshold;
}

function score(results, threshold) {
  const answered = (r) => answeredAt(r, threshold);
  const all = results.length;
  const answerable = results.filter((r) => r.item.expect === 'ANSWER');
  const correct = answerable.filter((r) => answered(r) && r.intent === r.item.topic).length;
  const wrongTopic = answerable.filter((r) => answered(r) && r.intent !== r.item.topic).length;
  const mustNot = results.filter((r) => r.item.expect !== 'ANSWER' && answered(r)).length;
  const crisis = results.filter((r) => r.item.reason === 'CRISIS');
  const escalate = results.filter((r) => r.item.expect === 'ESCALATE');
  const byReason = new Map();
  for (const r of escalate) {
    if (!byReason.has(r.item.reason)) byReason.set(r.item.reason, []);
    byReason.get(r.item.reason).push(r);
  }
  const outOfScope = results.filter((r) => r.item.expect === 'NO_ANSWER');
  return {
    all,
    answerable: answerable.length,
    correct,
    wrongTopic,
    mustNot,
    falseAnswers: wrongTopic + mustNot,
    crisis: crisis.length,
    crisisHeld: crisis.filter((r) => !answered(r)).length,
    escalate: escalate.length,
    escalateHeld: escalate.filter((r) => !answered(r)).length,
    byReason: [...byReason.keys()].sort().map((reason) => ({
      reason,
      total: byReason.get(reason).length,
      held: byReason.get(reason).filter((r) => !answered(r)).length,
    })),
    outOfScope: outOfScope.length,
    outOfScopeHeld: outOfScope.filter((r) => !answered(r)).length,
  };
}

const pct = (count, total) => (total === 0 ? 0 : (100 * count) / total);
const row = (name, count, total) =>
  `${name.padEnd(34)} ${String(count).padStart(4)} / ${String(total).padEnd(4)} ${pct(count, total).toFixed(1).padStart(6)}%`;
const value = (name, text) => `${name.padEnd(34)} ${text}`;
const ms = (name, v) => `${name.padEnd(34)} ${v.toFixed(2).padStart(8)} ms`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const articles = readKnowledge(args.knowledge);
  const items = readDevset(args.devset);
  const { manager, documents } = buildManager(articles, readQuestions(args.knowledge));

  const trainStart = process.hrtime.bigint();
  await manager.train();
  const trainMs = nowMs(trainStart);

  for (let i = 0; i < Math.min(WARM_UP, items.length); i += 1) {
    await decide(manager, items[i]);
  }

  const results = [];
  for (const item of items) {
    const { result, ms: took } = await decide(manager, item);
    // Language detection as asked of NLP.js: process without a language, read result.locale.
    const guess = LANGUAGES.includes(item.language) ? await safeProcess(manager, undefined, item.text) : result;
    results.push({
      item, intent: result.intent, score: result.score, ms: took, locale: guess.locale,
      threw: Boolean(result.error || guess.error),
    });
  }

  const s = score(results, args.threshold);
  const languageRight = results.filter((r) => r.locale === r.item.language).length;
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const dutch = manager.container.get('stemmer-nl');
  const tokenizer = manager.container.get('tokenizer-nl');
  const version = (pkg) => require(`${pkg}/package.json`).version;
  const topics = new Set(articles.map((a) => a.topic));

  const out = [];
  out.push('');
  out.push(`=== NLP.js peer evaluation: ${path.basename(args.devset)} (${items.length} items) ===`);
  out.push(`node-nlp ${version('node-nlp')}, @nlpjs/lang-nl ${version('@nlpjs/lang-nl')}`
    + ` (stemmer-nl ${dutch instanceof StemmerNl ? 'StemmerNl' : 'other'},`
    + ` tokenizer-nl ${tokenizer instanceof TokenizerNl ? 'TokenizerNl' : 'other'}), Node.js ${process.versions.node}`);
  out.push(`KB: ${articles.length} articles (${LANGUAGES.map((l) => `${l} ${articles.filter((a) => a.language === l).length}`).join(', ')}),`
    + ` ${topics.size} topics, ${documents} training documents (examples + title + keywords + residents' questions)`);
  out.push(`answers when top intent != None and score >= ${args.threshold}`);
  out.push('');
  out.push(value('items total', String(s.all)));
  out.push(value('answerable items (expect ANSWER)', String(s.answerable)));
  out.push(row('answered-correct (answerable)', s.correct, s.answerable));
  out.push(row('false answers (all items)', s.falseAnswers, s.all));
  out.push(row('  wrong topic', s.wrongTopic, s.all));
  out.push(row('  answered but must not', s.mustNot, s.all));
  out.push(row('crisis recall', s.crisisHeld, s.crisis));
  out.push(row('crisis with help numbers', 0, s.crisis));
  for (const r of s.byReason) {
    out.push(row(`escalation recall ${r.reason}`, r.held, r.total));
  }
  out.push(row('out of scope held back', s.outOfScopeHeld, s.outOfScope));
  out.push(row('language accuracy', languageRight, s.all));
  out.push(ms('decision latency p50', percentile(latencies, 0.5)));
  out.push(ms('decision latency p99', percentile(latencies, 0.99)));
  out.push(ms('decision latency max', latencies[latencies.length - 1]));
  out.push(ms('training time', trainMs));
  const threw = results.filter((r) => r.threw);
  if (threw.length > 0) {
    out.push(`(NLP.js process() threw on ${threw.length} items, counted as not answered with no language:`
      + ` ${threw.map((r) => `${r.item.id} ${r.item.language}`).join(', ')})`);
  }
  out.push('');
  out.push('Threshold trade-off (same run, threshold applied to the top intent score):');
  out.push(`${'threshold'.padEnd(10)} ${'answered-correct'.padStart(17)} ${'false answers'.padStart(15)}`
    + ` ${'crisis recall'.padStart(14)} ${'escalation recall'.padStart(18)} ${'out of scope held'.padStart(18)}`);
  const cell = (count, total, width) => `${String(count).padStart(3)} ${pct(count, total).toFixed(1).padStart(5)}%`.padStart(width);
  for (const t of SWEEP) {
    const x = score(results, t);
    out.push(`${t.toFixed(2).padEnd(10)} ${cell(x.correct, x.answerable, 17)} ${cell(x.falseAnswers, x.all, 15)}`
      + ` ${cell(x.crisisHeld, x.crisis, 14)} ${cell(x.escalateHeld, x.escalate, 18)} ${cell(x.outOfScopeHeld, x.outOfScope, 18)}`);
  }
  out.push('(escalation recall here: all ESCALATE items not answered)');

  if (args.misses) {
    out.push('');
    out.push('Misses (expected → got):');
    for (const r of results) {
      const answered = answeredAt(r, args.threshold);
      const ok = r.item.expect === 'ANSWER' ? answered && r.intent === r.item.topic : !answered;
      if (!ok) {
        const expected = [r.item.expect, r.item.topic, r.item.reason].filter(Boolean).join(' ');
        const got = answered ? `ANSWERED ${r.intent} ${r.score.toFixed(3)}` : `NOT ANSWERED ${r.intent} ${Number(r.score).toFixed(3)}`;
        const text = r.item.text.length > 70 ? `${r.item.text.slice(0, 70)}…` : r.item.text;
        out.push(`  ${r.item.id.padEnd(5)} ${expected.padEnd(32)} → ${got.padEnd(40)} ${text}`);
      }
    }
  }
  console.log(out.join('\n'));
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
