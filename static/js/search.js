// Search: the box on every page (a combobox of results as you type) and the results page with filters.
// The index is built with the site (engine/search.py explains its parts); this script loads only the parts
// a query needs, as <script> files from the site's own folder, so it works served or opened from disk.
// Text from the index is only ever inserted as text, never as HTML.
(function () {
  "use strict";

  var box = document.querySelector("form.search-box[data-search-root]");
  if (!box || !window.Promise || !window.Set || !("normalize" in String.prototype)) return;

  var DROPDOWN_RESULTS = 8;
  var PAGE_RESULTS = 20;
  var COMMON_SHARE = 0.4;  // of the pages: a word on more is not counted among the words a page has (`run`)
  var FAINT_SHARE = 0.45;  // of a word's best score: a page that has it less is not counted as having it (`run`)
  var PREFIX_WORDS = 12;
  var LONGER_WORDS = 4;  // completions of a word that is a word itself: they add little, and their postings cost
  var MISSING_LETTER_FACTOR = 3;  // how much more common a word one letter longer must be than a form (`expand`)
  var RUN_TOGETHER_FACTOR = 10;  // how much more common two words must be than a form of one they run into
  var KIND_LABELS = { cluster: "Cluster", pathway: "Pathway", occupation: "Occupation", page: "Page" };
  var siteRoot = new URL(box.getAttribute("data-search-root") || "./", location.href).href;
  var indexRoot = siteRoot + "search/index/";

  // -- words: the same folding, splitting and stemming as engine/search.py ------------------------------

  var APOSTROPHE = /([\p{L}\p{N}])['\u2019](?=[\p{L}\p{N}])/gu;
  // A dotted abbreviation ('C.N.A.', 'r.n.', 'Ph.D.'): one word without its dots.
  var DOTTED = /(^|[^\p{L}\p{N}.])((?:\p{L}{1,2}\.)+\p{L}{1,2}\.?)(?![\p{L}\p{N}])/gu;
  var WORD = /[\p{L}\p{N}]+(?:[-/\u2010\u2011][\p{L}\p{N}]+)*/gu;
  var TEXT_WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\-/\u2010\u2011][\p{L}\p{N}\p{M}]+)*/gu;
  var JOINERS = /[-/\u2010\u2011]/g;
  var MARKS = /\p{M}/gu;
  var ASCII = /^[\x00-\x7f]*$/;
  var VOWELS = /[aeiouy]/;

  var LETTERS = { "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };

  function fold(text) {
    text = text.toLowerCase();
    if (ASCII.test(text)) return text;
    return text.normalize("NFKD").replace(MARKS, "").replace(/[øæœßłđðþı]/g, function (c) { return LETTERS[c]; });
  }

  // 'C++' and 'C#' as the index reads them (engine/search.py, _SYMBOL_NAMES), not the letter 'c'.
  var SYMBOL_NAMES = /(?<![\p{L}\p{N}])c(\+\+|#)(?![\p{L}\p{N}+#])/giu;

  function symbolNames(text) {
    return /c[+#]/i.test(text) ? text.replace(SYMBOL_NAMES, function (all, symbol) {
      return symbol === "#" ? "csharp" : "cplusplus";
    }) : text;
  }

  // An abbreviation joined by '&' ('R&D', 'A&P', 'AT&T'): one word without it, as the index reads it
  // (engine/search.py, _AMPERSAND_RE), not letters too short to search for.
  var AMPERSAND = /(?<![\p{L}\p{N}])(\p{L}{1,3})&(?=\p{L}{1,3}(?![\p{L}\p{N}]))/gu;

  function ampersands(text) {
    return text.indexOf("&") >= 0 ? text.replace(AMPERSAND, "$1") : text;
  }

  function rawWords(text) {
    return ampersands(symbolNames(fold(text).replace(APOSTROPHE, "$1"))).match(WORD) || [];
  }

  // Query words: compounds joined ('x-ray' -> 'xray'), stop words and single letters left out, each once.
  function queryWords(text, stopWords) {
    var out = [];
    rawWords(text).forEach(function (word) {
      word = word.replace(JOINERS, "");
      if (word.length > 1 && !stopWords.has(word) && out.indexOf(word) < 0) out.push(word);
    });
    return out;
  }

  function undouble(word) {
    var last = word.charAt(word.length - 1);
    if (word.length > 2 && last === word.charAt(word.length - 2) && "lsz".indexOf(last) < 0 && !VOWELS.test(last)) {
      return word.slice(0, -1);
    }
    return word;
  }

  // Endings of a field and of who practises it, with the common ending both stem to ('therapy', 'therapists'
  // -> 'therap'): the same list as `_PRACTICE` in engine/search.py.
  var PRACTICE = [[["apist", "apy"], "ap"], [["acist", "acy"], "ac"], [["ienist", "iene"], "ien"],
                  [["iatrist", "iatry"], "iatr"], [["metrist", "metry"], "metr"], [["istry"], "ist"],
                  [["omist", "omic", "omy"], "om"]];

  function stem(word) {
    if (word.length <= 3 || !/^\p{L}+$/u.test(word)) return word;
    var n = word.length;
    if (/ies$/.test(word) && n > 4) word = word.slice(0, -3) + "y";
    else if (/xes$/.test(word)) word = word.slice(0, -2);
    else if (/s$/.test(word) && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
    if (/ologist$/.test(word)) return word.slice(0, -3);
    if (/ology$/.test(word)) return word.slice(0, -1);
    if (word.length > 6) {
      for (var p = 0; p < PRACTICE.length; p++) {
        for (var e = 0; e < PRACTICE[p][0].length; e++) {
          var ending = PRACTICE[p][0][e];
          if (word.slice(-ending.length) === ending) return word.slice(0, -ending.length) + PRACTICE[p][1];
        }
      }
    }
    n = word.length;
    if (/ing$/.test(word) && n > 6 && VOWELS.test(word.slice(0, -3))) word = undouble(word.slice(0, -3));
    else if (/ied$/.test(word) && n > 5) word = word.slice(0, -3) + "y";
    else if (/ed$/.test(word) && n > 5 && VOWELS.test(word.slice(0, -2))) word = undouble(word.slice(0, -2));
    if (/(er|[ts]or)$/.test(word) && !/eer$/.test(word) && word.length > 5 && VOWELS.test(word.slice(0, -2))) {
      word = undouble(word.slice(0, -2));
    }
    if (/e$/.test(word) && word.length > 4 && !/ane$/.test(word)) word = word.slice(0, -1);
    return word;
  }

  // Keys next to each other on a QWERTY keyboard, the commonest slips of a finger.
  var KEY_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
  var NEAR_KEYS = (function () {
    var near = Object.create(null);
    KEY_ROWS.forEach(function (row, r) {
      for (var c = 0; c < row.length; c++) {
        var keys = near[row[c]] = new Set();
        [[r, c - 1], [r, c + 1], [r - 1, c], [r - 1, c + 1], [r + 1, c - 1], [r + 1, c]].forEach(function (at) {
          var other = KEY_ROWS[at[0]] && KEY_ROWS[at[0]][at[1]];
          if (other) keys.add(other);
        });
      }
    });
    return near;
  })();

  // How likely a slip turns `word` into `typed`, most likely first: 0 a letter left out ('lawer' for lawyer),
  // 1 two letters swapped, a key next to the right one, or a vowel or a letter of the same sound for another
  // ('librarien' is librarian, not libraries), 2 a letter too many, 3 a key far from the right one ('electrican'
  // is more likely electrician than electrical). Words further apart than one slip get 0: the distance decides.
  var ALIKE = /^([aeiouy]{2}|cs|sc|ck|kc|sz|zs)$/;  // two vowels, or two letters for one sound ('councelor')

  // A word as it sounds, for a spelling by ear: a silent 'p' or 'k' at the start ('sychologist', 'nitting'), 'k'
  // for 'ch' or 'ck' ('kemist', 'sykiatrist'), 'f' for 'ph', 'ite' for 'ight' ('millwrite'), 'u' for 'oo'
  // ('rufer') and 'shun' for 'tion', 'sion' or 'cian' ('radiashun', 'musishun'). A word and a typed word that
  // sound alike are one slip apart (`expand`).
  function sounds(word) {
    return word.replace(/^(p(?=s)|k(?=n)|w(?=r))/, "").replace(/ch|ck/g, "k").replace(/ph/g, "f")
      .replace(/ight/g, "ite").replace(/ght/g, "t").replace(/oo/g, "u").replace(/(?:ss|s|t|c)i[ao]n/g, "shun");
  }

  // The other first letters a word spelt by ear may have: 'farmacy' is 'pharmacy', 'sykologist' 'psychologist',
  // 'nitting' 'knitting', 'riter' 'writer', 'kemist' 'chemist'.
  var SOUND_INITIALS = { f: "p", s: "p", n: "k", r: "w", k: "c" };

  function soundsOf(vocab) {  // `sounds` of each word of a vocabulary part, made once
    return vocab.sounds || (vocab.sounds = vocab.words.map(sounds));
  }

  function slip(typed, word) {
    if (word.length === typed.length + 1) return 0;
    if (word.length === typed.length - 1) return 2;
    if (word.length !== typed.length) return 0;
    var at = -1;
    for (var i = 0; i < typed.length; i++) {
      if (typed[i] !== word[i]) {
        if (at >= 0) return 1;  // two places: letters swapped (or two slips, which the distance ranks)
        at = i;
      }
    }
    return at >= 0 && !(NEAR_KEYS[typed[at]] && NEAR_KEYS[typed[at]].has(word[at])) &&
      !ALIKE.test(typed[at] + word[at]) ? 3 : 1;
  }

  // Damerau-Levenshtein distance between a and b, or limit + 1 once it must exceed limit.
  // With asPrefix, the distance from a to the nearest prefix of b.
  function distance(a, b, limit, asPrefix) {
    var n = a.length, m = b.length;
    if (!asPrefix && Math.abs(n - m) > limit) return limit + 1;
    if (asPrefix) m = Math.min(m, n + limit);
    var before = null, previous = new Array(m + 1), row, i, j;
    for (j = 0; j <= m; j++) previous[j] = j;
    for (i = 1; i <= n; i++) {
      row = new Array(m + 1);
      row[0] = i;
      var smallest = i;
      for (j = 1; j <= m; j++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
            a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
          value = Math.min(value, before[j - 2] + 1);
        }
        row[j] = value;
        if (value < smallest) smallest = value;
      }
      if (smallest > limit) return limit + 1;
      before = previous;
      previous = row;
    }
    if (!asPrefix) return previous[m];
    var best = limit + 1;
    for (j = Math.max(0, n - limit); j <= m; j++) best = Math.min(best, previous[j]);
    return best;
  }

  // -- loading the index's parts ------------------------------------------------------------------------

  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var d = 0; d < ALPHABET.length; d++) DIGIT[ALPHABET.charCodeAt(d)] = d;

  var parts = Object.create(null);   // name -> {data, promise}
  var manifest = null;

  var registry = window.__searchIndex || (window.__searchIndex = { add: null });
  registry.add = function (name, data) {
    var part = parts[name];
    if (part && part.data === undefined) {
      part.data = data;
      part.resolve(data);
    }
  };

  // A prefix as a file name, as engine/search.py writes it: ASCII letters and digits, others as _ and hex.
  function fileKey(prefix) {
    return Array.from(prefix).map(function (c) {
      return /^[a-z0-9]$/i.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }

  // The first n characters of a word, counting characters as the index does (not UTF-16 halves).
  function head(word, n) {
    return /^[\x00-\uD7FF]*$/.test(word) ? word.slice(0, n) : Array.from(word).slice(0, n).join("");
  }

  function partPath(name) {
    var slash = name.indexOf("/");
    if (slash < 0) return name + ".js";
    return name.slice(0, slash + 1) + fileKey(name.slice(slash + 1)) + ".js";
  }

  function load(name) {
    var part = parts[name];
    if (part) return part.promise;
    part = parts[name] = { data: undefined };
    part.promise = new Promise(function (resolve, reject) {
      part.resolve = resolve;
      var script = document.createElement("script");
      // The manifest is read fresh on each page view, so the parts it names are always from one build.
      var version = name === "manifest" ? "t=" + Date.now() : "v=" + manifest.build;
      script.src = indexRoot + partPath(name) + "?" + version;
      script.async = true;
      script.onerror = function () {
        delete parts[name];
        reject(new Error("could not load the search index (" + name + ")"));
      };
      script.onload = function () {
        script.remove();
        if (part.data === undefined) {
          delete parts[name];
          reject(new Error("the search index part " + name + " is not valid"));
        }
      };
      document.head.appendChild(script);
    });
    return part.promise;
  }

  function loaded(name) {
    var part = parts[name];
    return part ? part.data : undefined;
  }

  function loadAll(names) {
    return Promise.all(names.map(load));
  }

  var manifestPromise = null;
  function loadManifest() {
    if (!manifestPromise) {
      manifestPromise = load("manifest").then(function (data) {
        if (data.format !== 3) throw new Error("the search index has an unknown format");
        manifest = data;
        manifest.stop = new Set(data.stopWords.split(" "));
        manifest.filler = new Set((data.filler || "").split(" ").filter(Boolean));
        manifest.payWords = new Set((data.pay || "").split(" ").filter(Boolean));
        manifest.fieldWords = new Set((data.fields || "").split(" ").filter(Boolean));
        manifest.studyWords = new Set((data.study || "").split(" ").filter(Boolean));
        manifest.fieldPhrases = (data.fieldPhrases || []).map(function (p) { return p.split(" "); });
        manifest.describers = new Set((data.describers || "").split(" ").filter(Boolean));
        // The kinds a field word names, by the last word of their label ('cluster' names the Cluster and 2024
        // cluster pages, 'pathway' the Pathway pages).
        manifest.fieldPages = data.fieldPages || [];
        manifest.kindWords = Object.create(null);
        (data.fieldKinds || []).forEach(function (kind) {
          var word = ((data.kinds || {})[kind] || "").toLowerCase().split(" ").pop();
          if (word) (manifest.kindWords[word] = manifest.kindWords[word] || []).push(kind);
        });
        manifest.keep = new Set((data.keep || "").split(" ").filter(Boolean));
        manifest.phrases = null;  // from the phrases part, once loaded (`fillerPhrases`)
        manifest.phraseWords = new Set((data.phraseWords || "").split(" ").filter(Boolean));
        manifest.askWords = new Set((data.askWords || "").split(" ").filter(Boolean));
        asks({});  // none until a query with a key word of one loads them (`asks`)
        var topics = data.unknown || {};  // {topic: [phrase, ...]}, read before `manifest.unknown` replaces it
        manifest.unknown = [];  // [words, topic]
        Object.keys(topics).forEach(function (topic) {
          topics[topic].forEach(function (phrase) { manifest.unknown.push([phrase.split(" "), topic]); });
        });
        manifest.unknownWords = new Set(manifest.unknown.filter(function (u) { return !u[0][1]; }).map(function (u) { return u[0][0]; }));
        manifest.compare = (data.compare || []).map(function (p) { return p.split(" "); });
        manifest.explorerWords = new Set((data.explorerWords || "").split(" ").filter(Boolean));
        manifest.shortcuts = null;  // from the explorer part, once loaded (`explorerPhrases`)
        manifest.initials = new Set(data.words);
        // Each name of each state as folded words ('new york' -> ['new', 'york']), longest first, with the
        // state's name and slug ('new-york'): [name, other names...] in the manifest.
        manifest.places = [];
        (data.states || []).forEach(function (state) {
          state.forEach(function (name) {
            manifest.places.push({ slug: state[0].toLowerCase().replace(/ /g, "-"), name: state[0],
                                   words: fold(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean) });
          });
        });
        manifest.places.sort(function (a, b) { return b.words.length - a.words.length; });
        return manifest;
      });
      manifestPromise.catch(function () { manifestPromise = null; });
    }
    return manifestPromise;
  }

  // -- reading parts ------------------------------------------------------------------------------------

  var vocabularies = Object.create(null);  // initial -> {words, counts, stems}

  function vocabulary(initial) {
    var cached = vocabularies[initial];
    if (cached) return cached;
    var data = loaded("words/" + initial);
    if (!data) return null;
    var words = data.words.split(" ");
    var counts = decodeNumbers(data.counts);
    var files = new Set(data.files.split(" "));
    return (vocabularies[initial] = { words: words, counts: counts, files: files, stems: null });
  }

  function decodeNumbers(text) {
    var out = [], i = 0, n = text.length;
    while (i < n) {
      var value = 0, digit;
      do { digit = DIGIT[text.charCodeAt(i++)]; value = value * 32 + (digit & 31); } while (digit & 32);
      out.push(value);
    }
    return out;
  }

  function decodePostings(text) {
    var docs = [], values = [], i = 0, n = text.length, doc = 0;
    while (i < n) {
      var gap = 0, digit;
      do { digit = DIGIT[text.charCodeAt(i++)]; gap = gap * 32 + (digit & 31); } while (digit & 32);
      doc += gap;
      docs.push(doc);
      values.push(DIGIT[text.charCodeAt(i++)]);
    }
    return { docs: Int32Array.from(docs), values: Uint8Array.from(values) };
  }

  // The prefix naming the posting file that holds `word`: the longest its vocabulary lists.
  function termKey(word) {
    var vocab = vocabulary(head(word, 1));
    for (var n = word.length; vocab && n >= 2; n--) {
      var prefix = head(word, n);
      if (vocab.files.has(prefix)) return prefix;
    }
    return null;
  }

  var postingCache = Object.create(null);  // word -> {docs, values, titles}

  function postings(word) {
    var cached = postingCache[word];
    if (cached) return cached;
    var shard = loaded("terms/" + termKey(word));
    var entry = shard && shard[word];
    if (entry === undefined) return null;
    var main = decodePostings(typeof entry === "string" ? entry : entry[0]);
    main.titles = typeof entry === "string" ? null : decodePostings(entry[1]);
    return (postingCache[word] = main);
  }

  // -- matching query words with the vocabulary ---------------------------------------------------------

  var WORK_WORD = /(?:ing|y)$/;  // a word for the work rather than the worker: 'plumbing', 'surgery', 'therapy'
  // A name's length in the title postings is offset by these for a strong name and a weak one (engine/search.py).
  var EXACT_STRONG = 16, EXACT_WEAK = 32, EXACT_PART = 48;

  // Whether a title posting's value (`EXACT_*` in engine/search.py) says that a query of n words is the page's
  // own title; and whether it is a name as good: a synonym of the title, a title My Next Move shows, or one
  // word that is one of the jobs or fields the title lists ('farmer', 'logistics'), which ranks below a page
  // titled with the word alone ('engineering' finds Engineering before Science, Technology, Engineering & ...).
  function ownTitle(value, n) {
    return value === n || (value >= EXACT_PART && value - EXACT_PART === n);
  }

  function strongName(value, n) {
    return value === EXACT_STRONG + n || (value >= EXACT_PART && n === 1);
  }
  var WEIGHT = { exact: 1, form: 0.85, typo: 0.55, typo2: 0.4, prefixTypo: 0.35 };
  var PERSON_WORD = /^([a-z]{4,}?)(?:man|men|woman|women|person|persons|people)$/;

  function firstIndex(words, prefix) {
    var low = 0, high = words.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (words[mid] < prefix) low = mid + 1; else high = mid;
    }
    return low;
  }

  // The word the site knows that `token`, a word for a worker, is with another of the endings such words have,
  // or its plural ('editer' -> 'editor', 'machinest' -> 'machinists', 'astronomist' -> 'astronomers'), the
  // commonest if several; null if none. What is left without the ending must be four letters or more.
  var WORKER_ENDINGS = ["er", "or", "ar", "ist", "est", "ian", "ant", "ent", "ier", "eer", "ear"];

  // Whether a word names a person by its ending ('teacher', 'cashiers', 'dentist'), as far as an ending can.
  function personWord(word) {
    var bare = /s$/.test(word) ? word.slice(0, -1) : word;
    return WORKER_ENDINGS.some(function (ending) { return bare.length > ending.length + 2 && bare.slice(-ending.length) === ending; });
  }

  // The worker `token` names, as the site spells the name with another ending ('surveyer' -> 'surveyor'), if it
  // uses one: the nearest to `token`, then the commonest ('interier' is 'interior', not 'interest', 'ier' for 'est').
  function otherEnding(token, vocab) {
    var best = null;
    WORKER_ENDINGS.forEach(function (ending) {
      var base = token.slice(0, -ending.length);
      if (token.slice(-ending.length) !== ending || base.length < 4) return;
      WORKER_ENDINGS.concat(["ician"]).forEach(function (other) {
        if (other === ending) return;
        [base + other, base + other + "s"].forEach(function (word) {
          vocab.forEach(function (v) {
            var at = firstIndex(v.words, word), d = distance(token, word, 3, false);
            if (v.words[at] === word && (!best || d < best.d || d === best.d && v.counts[at] > best.count)) best = { word: word, count: v.counts[at], d: d };
          });
        });
      });
    });
    return best;
  }

  // The names of who does the work that `token`, a word for the work, may have, with an ending that
  // stem() does not share: 'surgery' -> 'surgeons', 'masonry' -> 'masons', 'astronomy' -> 'astronomers',
  // 'library' -> 'librarians', 'electricity' -> 'electricians', 'consulting' -> 'consultants'. A plain base
  // ('mason', 'poet', 'artist') is tried only without 'ry', and not when it ends in 'e' ('surgery' is no 'surge').
  // What is left without the ending must be four letters or more.
  var WORK_ENDINGS = [["ery", ["er", "eon"]], ["ity", ["ian", "ist"]], ["ry", ["", "er", "ian"]],
                      ["y", ["er", "ist", "ian"]], ["ing", ["ant", "ent"]]];

  function workerForms(token) {
    var forms = [];
    WORK_ENDINGS.forEach(function (rule) {
      var base = token.slice(0, -rule[0].length);
      if (token.slice(-rule[0].length) !== rule[0] || base.length < 4) return;
      rule[1].forEach(function (ending) {
        if (ending === "" && /e$/.test(base)) return;
        forms.push(base + ending, base + ending + "s");
      });
    });
    return forms;
  }

  // The second halves of job words made of two ('pipefitters', 'woodworkers', 'bookkeeping'): a word for a
  // worker or the work, which the first half names the stuff of. A query word that is the first half finds
  // the whole ('fix pipes' finds pipefitters; 'work with wood', woodworkers; 'keep books', bookkeeping).
  var COMPOUND_TAILS = new Set(("workers worker working fitters fitter fitting layers layer laying makers maker " +
    "making keepers keeper keeping smiths smith tenders tender washers washer fighters fighter fighting hangers " +
    "hanger masons mason setters setter cutters cutter cutting dressers dresser stylists stylist persons person " +
    "people men man women woman").split(" "));

  // The word typed as a singular noun, for the first half of a compound: 'pipes' -> 'pipe', 'dishes' -> 'dish'.
  function singular(token) {
    if (/ies$/.test(token)) return token.slice(0, -3) + "y";
    if (/(?:sh|ch|x|ss)es$/.test(token)) return token.slice(0, -2);
    if (/[^s]s$/.test(token)) return token.slice(0, -1);
    return token;
  }

  // Whether an expansion is another form of the word typed or a longer word, rather than the word or a correction.
  function isFormOrLonger(f) {
    return f.how === "form" || f.how === "compound" || f.how === "longer" || f.how === "prefix";
  }

  // The indexed words a query word stands for, from the vocabularies `vocab`: [{word, weight, how}].
  // `typing` is true for the last word while it may still be incomplete.
  var expansionCache = Object.create(null);

  function expand(token, typing, vocab, shortTypos) {
    var key = token + "|" + (typing ? 1 : 0) + "|" + vocab.length + "|" + (shortTypos ? 1 : 0);
    if (expansionCache[key]) return expansionCache[key];
    var found = [];
    var seen = new Set();
    var add = function (word, weight, how, count) {
      if (!seen.has(word)) { seen.add(word); found.push({ word: word, weight: weight, how: how, count: count || 0 }); }
    };
    var anyKnown = false;
    vocab.forEach(function (v) {
      var words = v.words;
      var at = firstIndex(words, token);
      var known = words[at] === token, typed = known ? v.counts[at] : 0;
      if (known) { add(token, WEIGHT.exact, "exact"); anyKnown = true; }
      if (token.length >= 3) {
        var root = stem(token);
        if (!v.stems) v.stems = words.map(stem);
        for (var i = 0; i < words.length; i++) {
          // A form counts as common as the word typed, if that is more common: a rarer form ('managing')
          // would otherwise outrank the very word ('manager').
          if (v.stems[i] === root && words[i] !== token) add(words[i], WEIGHT.form, "form", Math.max(v.counts[i], typed));
        }
        workerForms(token).forEach(function (form) {
          var k = firstIndex(words, form);
          if (words[k] === form) add(form, WEIGHT.form, "form", Math.max(v.counts[k], typed));
        });
      }
      if (typing || (!found.length && token.length >= 3)) {
        // A finished word may still be the start of a longer one, but less likely than itself; a word
        // before the last one is taken as the start of a longer one only when it is not a word itself.
        var damping = found.length ? 0.6 : typing ? 1 : 0.8;
        var completions = [];
        for (var j = at; j < words.length && words[j].lastIndexOf(token, 0) === 0; j++) {
          if (words[j] !== token) completions.push(j);
        }
        completions.sort(function (a, b) { return v.counts[b] - v.counts[a] || a - b; });
        // The start of a longer word names a page only when the word typed is not a word itself.
        // Like a form, a longer word counts as common as the word typed ('directory' for 'director').
        completions.slice(0, damping < 1 ? LONGER_WORDS : PREFIX_WORDS).forEach(function (j) {
          add(words[j], damping * (0.45 + 0.45 * token.length / words[j].length), damping < 1 ? "longer" : "prefix",
              Math.max(v.counts[j], typed));
        });
      }
      if (token.length >= 3) {
        var heads = [token];
        if (singular(token) !== token) heads.push(singular(token));
        heads.forEach(function (head) {
          for (var c = firstIndex(words, head); c < words.length && words[c].lastIndexOf(head, 0) === 0; c++) {
            if (COMPOUND_TAILS.has(words[c].slice(head.length))) {
              // One that names a worker is a compound even where it was taken as a longer word first
              // ('boilermakers'); one for the work stays a longer word ('housekeeping' for 'houses').
              var asLonger = found.some(function (f) { return f.word === words[c] && f.how === "longer"; });
              if (asLonger && personWord(words[c])) {
                found = found.filter(function (f) { return f.word !== words[c]; });
                seen.delete(words[c]);
              }
              add(words[c], WEIGHT.form, "compound", v.counts[c]);
            }
          }
        });
      }
    });
    // A word the site does not use that matches other forms of its stem (and perhaps begins a longer word) may
    // be a misspelt job name with a letter left out, or one too many: 'enginer' has the stem of 'engine', but it
    // is 'engineer'; 'manufacturring' is 'manufacturing'. The correction replaces those matches when it is a much
    // more common word (`MISSING_LETTER_FACTOR` times the most common of the others). A word the token begins is
    // no correction: it is among the matches already.
    // A word shaped like a person's name ('techer') is set against the forms that name people only: 'tech' and
    // 'techs' are common, but a 'techer' is a 'teacher'.
    if (!anyKnown && token.length >= 6 && found.some(function (f) { return f.how === "form"; }) &&
        found.every(isFormOrLonger)) {
      var personShaped = personWord(token);
      var rivals = found.filter(function (f) { return !personShaped || personWord(f.word); });
      var missing = null;
      vocab.forEach(function (v) {
        v.words.forEach(function (word, i) {
          if (Math.abs(word.length - token.length) === 1 && (!missing || v.counts[i] > missing.count) &&
              word.lastIndexOf(token, 0) !== 0 && distance(token, word, 1, false) === 1 &&
              (!personShaped || personWord(word))) {
            missing = { word: word, count: v.counts[i] };
          }
        });
      });
      if (missing && missing.count >= MISSING_LETTER_FACTOR * Math.max.apply(null, rivals.map(function (f) {
        return f.word === missing.word ? 0 : f.count;
      }).concat([0]))) {
        found = [{ word: missing.word, weight: WEIGHT.typo, how: "correction", count: missing.count }];
      }
    }
    // Or a worker's name with the wrong ending: 'surveyer' has the stem of 'survey', but it is 'surveyor'; and
    // 'machinest' is one letter from 'machines', but it is 'machinists'.
    if (!anyKnown && token.length >= 6 && found.every(function (f) { return f.how !== "correction"; }) &&
        found.every(isFormOrLonger)) {
      var worker = otherEnding(token, vocab);
      if (worker) found = [{ word: worker.word, weight: WEIGHT.typo, how: "correction", count: worker.count }];
    }
    // A word the site does not use that names a worker by the field and a word for a person ('deliveryman',
    // 'businesswoman', 'repairperson') stands for the field, as the site's words have it.
    var person = !found.length && PERSON_WORD.exec(token);
    if (person) {
      expand(person[1], false, vocab, false).forEach(function (e) {
        if (e.how === "exact" || e.how === "form") add(e.word, WEIGHT.form * e.weight, "form", e.count);
      });
    }
    // A correction only for a word that is neither a known word nor the start of one, of five letters or
    // more; two letters away from seven letters ('welldor'). When nothing else matched (`shortTypos`), from four
    // letters, and two letters away from six ('piolet').
    if (!found.length && token.length >= (shortTypos ? 4 : 5) && !/^\d+$/.test(token)) {
      var limit = token.length >= (shortTypos ? 6 : 7) ? 2 : 1;
      var typos = [], heardToken = sounds(token);
      vocab.forEach(function (v) {
        var heards = soundsOf(v);
        v.words.forEach(function (word, i) {
          // A spelling by sound is one slip, not two (`sounds`: 'grafic', 'fotographer', 'sykiatrist', 'rufer',
          // 'millwrite'), and so is 'sion' or 'tion' for the ending 'cian' or 'tian' ('musision', 'dietition').
          var d = Math.min(distance(token, word, limit, false),
            /[ct]ians?$/.test(word) ? Math.min(distance(token, word.replace(/[ct]ian(s?)$/, "sion$1"), limit, false),
              distance(token, word.replace(/[ct]ian(s?)$/, "tion$1"), limit, false)) + 1 : 9);
          if (heards[i] !== word || heardToken !== token) d = Math.min(d, distance(heardToken, heards[i], limit, false) + 1);
          if (d <= limit) typos.push({ word: word, d: d, count: v.counts[i], prefix: false, slip: slip(token, word) });
          else if (typing) {
            d = distance(token, word, limit, true);
            if (d <= limit) typos.push({ word: word, d: d, count: v.counts[i], prefix: true, slip: 0 });
          }
        });
      });
      // Of corrections as near, the likelier slip first (`slip`, which ranks words one slip away), then the more
      // common word.
      typos.sort(function (a, b) {
        return a.prefix - b.prefix || a.d - b.d || (a.d === 1 ? a.slip - b.slip : 0) || b.count - a.count;
      });
      // The likeliest correction is the nearest, most common word: it alone may make a result's title match,
      // and the others count as rare as it is (a rare word would otherwise outrank it), less the rarer they are.
      var best = typos[0];
      typos.slice(0, PREFIX_WORDS).forEach(function (t, n) {
        var weight = t.prefix ? WEIGHT.prefixTypo : t.d === 1 ? WEIGHT.typo : WEIGHT.typo2;
        add(t.word, weight * Math.pow(Math.min(1, t.count / best.count), 0.3), n === 0 ? "correction" : "typo",
            Math.max(t.count, best.count));
      });
    }
    // A correction stands for its noun, singular and plural ('docter' -> 'doctors' finds what 'doctor' does), and
    // for its other forms, as the word itself would ('cosmotology' -> 'cosmetologists', 'tutering' -> 'tutors').
    if (found.length && found[0].how === "correction") {
      var corrected = found[0], root = stem(corrected.word);
      // Its forms that were also taken as typos of the start of a word count as its forms ('cosmotology'): they
      // are dropped here (and from `seen`), to be added again below as forms.
      found = found.filter(function (f) { return f.how !== "typo" || stem(f.word) !== root || !seen.delete(f.word); });
      vocab.forEach(function (v) {
        [singular(corrected.word), corrected.word + "s", corrected.word + "es"].forEach(function (other) {
          var at = firstIndex(v.words, other);
          if (v.words[at] === other && sameNoun(corrected.word, other)) {
            add(other, corrected.weight, "correction", corrected.count);
          }
        });
        (v.stems || []).forEach(function (r, i) {
          if (r === root) add(v.words[i], WEIGHT.form * corrected.weight, "form", corrected.count);
        });
      });
    }
    return (expansionCache[key] = found);
  }

  // -- the search itself --------------------------------------------------------------------------------

  var scratch = null;

  function arrays(count) {
    if (!scratch || scratch.count !== count) {
      scratch = {
        count: count, score: new Float64Array(count), best: new Float64Array(count),
        mask: new Uint32Array(count), own: new Uint32Array(count), title: new Uint32Array(count),
        weak: new Uint32Array(count), named: new Uint32Array(count), faint: new Uint32Array(count),
        held: new Uint8Array(count)
      };
    }
    return scratch;
  }

  // What ends the words a dislike word says are not wanted: 'but' and its kind ('i hate math but love art'), or a
  // word of liking or choosing ('i hate math, i love art', 'i dont like people, id rather work alone'); 'i' before
  // one of wanting ('i dont like people, i like animals', 'i hate sitting at a desk i want to work outside', not
  // '... like a vet'); and 'and' or 'or' before a filler word ('i hate math and love art'), not before another
  // thing disliked ('i hate blood and needles').
  var UNWANTED_ENDS = /^(but|though|although|yet|however|instead|loves?|enjoys?|prefer|rather)$/;
  var WANTING = /^(like|want|wanna|just|really|still)$/;  // after 'i', a word that starts what is wanted
  // An age ('im 16', 'age 45', '50 yo', 'career change at 40', first: '15 looking for my first job', '16 love cars
  // hate school') or years of work ('30 years as a nurse', '6 years'): about who asks, not the work, so never searched
  // for ('16' would find 'The 16 career clusters'). First or after 'at', not before a unit (`UNIT`: '20 dollar an
  // hour jobs', '12 hour shifts', 'starts at 25 an hour') or a word it names something with ('18 wheeler', '11 bravo',
  // '16 career clusters').
  var AGE = /^[1-9][0-9]?$/, AGE_BEFORE = /^(im|am|age|aged|turning|turned|since)$/, AGE_AFTER = /^(yo|yrs?|years?)$/;
  var UNIT = /^(an?|per|hours?|hr|k|dollars?|bucks|percent|wheeler|bravo|career|clusters?)$/;
  // A child's name after who the child is to the one asking, before an age or a word of what the child does ('my
  // son jake keeps saying', 'my daughter quinn 14', 'granddaughter emma wants'), or first before 'is' and an age
  // ('ava is 15'): about who asks, never searched for ('ava' would find Animal Systems). So is a number after the
  // word for the child ('my son 15', 'my daughter maya is deaf 16'), unless a unit follows it. A word that also
  // names something with the next ('child care', 'client services', `KIN_OF`) is one only after 'my' and the like.
  var KIN = /^(son|daughter|grandson|granddaughter|niece|nephew|stepson|stepdaughter|grandchild)$/;
  var KIN_OF = /^(kid|child|student|brother|sister|cousin|friend|wife|husband|boyfriend|girlfriend|client)$/;
  var NAME_THEN = /^(is|was|wants|keeps|loves|likes|has|took|asked|says|just|really|doesnt|hates|thinks|needs|got)$/;
  function isKin(folded, at) {
    return KIN.test(folded[at]) || KIN_OF.test(folded[at]) && /^(my|our|his|her|their|your)$/.test(folded[at - 1]);
  }
  function childName(folded, at) {
    var next = folded[at + 1] || "";
    return !manifest.stop.has(folded[at]) && !AGE.test(folded[at]) &&
      (isKin(folded, at - 1) && (!next || AGE.test(next) || NAME_THEN.test(next)) ||
       !at && next === "is" && AGE.test(folded[2]));
  }
  // 'ap' or 'honors' before a school subject ('loved ap physics', 'good at ap chem') names a kind of class, not
  // an AP (accounts payable) clerk.
  var CLASS_KIND = /^(ap|honors|honours)$/;
  var SUBJECT = new RegExp("^(physics|chem|chemistry|bio|biology|calc|calculus|stats|statistics|math|maths|history|" +
    "english|lit|literature|psych|psychology|gov|government|econ|economics|art|music|spanish|french|german|latin|" +
    "chinese|cs|compsci|computer|environmental|human|world|us|european|seminar|research)$");
  var LISTING = /\b(jobs|careers|occupations)\b/;  // words that ask for a list of jobs ('nurse jobs without a degree')
  // after 'but' (`parse`)
  var RATHER = /^(with )?(a )?(more|less|better|higher|fewer|lower|not as|safer|easier|shorter|quicker|no)\b/;
  var MANAGING = /^(manage|run|own|open|running|owning|opening)$/;  // a goal phrase's last word (`managed`)
  var SCHOOLING = /^(school|schooling|college|education|degree|years|training)$/;  // after dislike (`leadOn`)

  // The words a phrase of dislike that comes after them ('blood makes me queasy', 'needles scare me') says are not
  // wanted: at most three, back to a stop word other than 'the' or 'a' ('but', 'and', 'i'), a word of liking
  // or choosing, or another phrase. 'i like animals and needles scare me' leaves out 'needles' only; after a
  // word that turns it round, none ('dead bodies dont creep me out').
  function dislikedBefore(folded, after, taken) {
    var out = folded.map(function () { return false; });
    for (var i = 0; i < folded.length; i++) {
      if (!after[i] || after[i - 1] || /^(dont|doesnt|didnt|never|wont)$/.test(folded[i - 1])) continue;
      for (var j = i - 1, n = 0; j >= 0 && n < 3 && !taken[j]; j--) {
        var word = folded[j];
        if (/^(the|a|an)$/.test(word)) continue;
        if (manifest.stop.has(word) || UNWANTED_ENDS.test(word) || WANTING.test(word)) break;
        out[j] = true;
        n++;
      }
    }
    return out;
  }

  function fillerNext(folded, at) {
    for (var i = at + 1; i < folded.length; i++) {
      if (!manifest.stop.has(folded[i])) return manifest.filler.has(folded[i]);
    }
    return false;
  }

  // Parse a query. Returns {words, typing, pay, state, tokens}: `tokens` are the typed words in order
  // (compounds joined, single letters kept, for joining into compounds later), `words` the ones searched for.
  // Stop words go, except those that stand for something when typed in capitals ('IT'); filler words ('how
  // do I become', 'jobs working with') and pay words ('earn', 'salary') go too, unless nothing else is left;
  // so does a state's name ('electrician pay in texas'), which `state` then holds, as {slug, name}.
  function parse(text, plain) {
    var raw = typedWords(text), folded = raw.map(folding);
    // The phrases that ask for a kind of job are a part of their own, which a query needs only if it holds a
    // key word of one of them ('ged' of 'ged jobs'), or asks about pay and nothing else (below).
    // So are the filler phrases ('passion' of 'passion for').
    var parts = [];
    var holds = function (words) { return folded.some(function (w) { return words.has(w); }); };
    if (!explorerPhrases() && holds(manifest.explorerWords)) parts.push("explorer");
    if (!fillerPhrases() && holds(manifest.phraseWords)) parts.push("phrases");
    if (!asks() && holds(manifest.askWords)) parts.push("asks");
    if (parts.length) return { missing: parts };
    // An explorer phrase is read before a filler phrase it overlaps: 'without a college degree', not 'college degree'.
    var taken = folded.map(function () { return false; });
    var explorer = shortcuts(folded, taken);
    // A phrase that asks where a job can lead, or for jobs like it: `next` is then "next" or "similar".
    var asksNext = marked(!plain && manifest.next, folded, taken);
    var asksSimilar = marked(!plain && manifest.similar, folded, taken);
    var leaves = marked(!plain && manifest.leaving, folded, folded.map(function () { return false; }));
    var leaving = asksSimilar.some(function (m, i) { return m && leaves[i]; });
    var next = false;
    // A phrase that asks for a field ('working for the city'), before the filler phrases it may hold ('work for').
    var asField = marked(manifest.fieldPhrases, folded, taken);
    // A word or phrase of dislike ('hate', 'dont like'): what follows is not wanted (`UNWANTED_ENDS`); after the
    // filler phrases, which may hold one ('not afraid of').
    var fillerPhrase = marked(fillerPhrases() || [], folded, taken);
    var against = marked(manifest.dislike, folded, taken);
    var after = marked(manifest.dislikeAfter, folded, taken);
    var behind = dislikedBefore(folded, after, taken);
    // A goal phrase ('wants to become', 'to') asks where a job leads after who one is ('cop who', 'paralegal',
    // 'dental assistant'), if the words before it name a job (`searchWhole`): the first one that follows 'who',
    // 'that', years of work ('paralegal for 6 years thinking about law school') or a word that means something, not
    // 'i', 'and' or a word of dislike ('i like kids and want to be ...').
    // It may hold the words of a filler phrase ('hoping to' of 'hoping to become').
    var open = taken.map(function (t, i) { return t && !fillerPhrase[i]; });
    var goal = marked(!plain && manifest.goal, folded, open), g = -1, end = 0, strict = false;
    goal.forEach(function (m, i) {
      if (!m || (goal[i - 1] && i !== end) || g >= 0) return;
      var word = folded[i - 1];
      end = i + goalLength(folded, i);
      // one word ('to') must be followed by one that means something, as the name of a job is ('math to be ...'),
      // and be no part of a filler phrase ('related to')
      var following = end - i > 1 ? "" : /^(a|an|the)$/.test(folded[end]) ? folded[end + 1] : folded[end];
      var fits = following === "" ? true : following && !meaningless(following) && !fillerPhrase[i];
      // after 'and', a phrase of two words or more, as strict as one of one word ('paralegal and thinking about
      // law school', not 'i like kids and want to be a nurse')
      var and = word === "and" && end - i > 1;
      if (i > 0 && fits && !against[i - 1] && !after[i - 1] &&
          (/^(who|that|years|yrs)$/.test(word) || !meaningless(word) || and)) {
        g = i;
        strict = and;
      }
    });
    var goalEnd = g < 0 ? g : g + goalLength(folded, g);
    goal = goal.map(function (m, i) { return i >= g && i < goalEnd; });
    goal.forEach(function (m, i) { if (m) taken[i] = true; });
    var named = namedPairs(folded, taken);
    if (!named) return { missing: ["pairs"] };
    // An unknown phrase ('night shift', 'union'), unless its word names a job with the next ('union rep'): `gap`.
    var free = taken.map(function (t, i) { return t || named[i]; });
    var gap = manifest.unknown.filter(function (u) {
      return marked([u[0]], folded, free).reduce(function (any, m, i) { return m ? (taken[i] = true) : any; }, false);
    })[0];
    var inPhrase = taken;  // and the words of a filler phrase ('work with') or an unknown one ('night shift')
    var place = placeNamed(folded, inPhrase);
    var tokens = [], pay = false, field = false, study = false, dropped = [], made = -1, unwanted = false;
    var disliked = [], kin = folded.findIndex(function (w, at) { return isKin(folded, at); });
    raw.forEach(function (original, at) {
      var word = folded[at];
      if (goal[at]) {
        tokens.push({ word: word, filler: true });
        return;
      }
      if (against[at] || after[at]) {
        unwanted = unwanted || against[at];
        tokens.push({ word: word, filler: true });
        return;
      }
      if ((AGE.test(word) && (AGE_BEFORE.test(folded[at - 1] || "") || AGE_AFTER.test(folded[at + 1] || "") ||
                              (/^(at|is|was)$/.test(folded[at - 1]) && !UNIT.test(folded[at + 1] || "")) ||
                              (kin >= 0 && kin < at && !UNIT.test(folded[at + 1] || "")) ||
                              (!at && folded[1] && !UNIT.test(folded[1])))) || childName(folded, at) ||
          (CLASS_KIND.test(word) && SUBJECT.test(folded[at + 1] || ""))) {
        tokens.push({ word: word, filler: true });
        return;
      }
      if (unwanted && (UNWANTED_ENDS.test(word) || (word === "i" && WANTING.test(folded[at + 1])) ||
                       (/^(and|or)$/.test(word) && fillerNext(folded, at)))) unwanted = false;
      var notWanted = unwanted || behind[at];
      if (asksNext[at] || asksSimilar[at]) {
        // not a change toward a job named after it ('switching careers to teaching'): that job is the one wanted
        var from = asksSimilar.indexOf(true), to = runEnd(asksSimilar, from);
        var toward = asksSimilar[at] && /^(to|into)$/.test(folded[to]) &&
          folded.slice(from, to).some(function (w) { return /^(change|changing|switch|switching)$/.test(w); });
        if (!toward) next = asksNext[at] ? "next" : "similar";
        tokens.push({ word: word, filler: true, next: !toward });
        return;
      }
      // Stop words first, those of a phrase too: a query of nothing but a phrase is searched for by its words
      // ('work from home jobs'), of which 'from' is none.
      if (manifest.stop.has(word)) {
        // A stop word that stands for something ('IT') counts in capitals, or lower case as the first of two or
        // three words ('it support', 'it help desk'), or before a study word ('it associate degree', 'it major'),
        // where it is seldom the pronoun.
        var nextWord = folded[at + 1];
        var leading = at === 0 && raw.length > 1 && raw.length <= 3 ||
          /^(associates?|bachelors?|masters?|certificate)$/.test(nextWord) || manifest.studyWords.has(nextWord);
        if (notWanted) {
          // not wanted ('i hate IT'): never searched for
        } else if (manifest.keep.has(word) && original.length > 1 && (original === original.toUpperCase() || leading)) {
          tokens.push({ word: word, kept: true });
        } else if (manifest.keep.has(word)) {
          dropped.push(word);
        }
        return;
      }
      // A word for whoever asks ('people'), after a word it describes ('creative people'): the nearest word
      // before it, stop words aside, means something. Elsewhere ('good with people') it is searched for.
      var before = tokens[tokens.length - 1];
      if (inPhrase[at] || (place && place.at[at])) {
        // a word of a phrase or of the place named: dropped; one of a field phrase that is wanted asks for a field
        if (asField[at] && !notWanted) field = field || [];
      } else if (manifest.payWords.has(word)) {
        // 'make' asks about pay only with nothing after it but pay, filler or place words ('what do nurses make
        // a year in ohio'); before what is made ('make jewellery', 'make apps') it is the work itself.
        if (/^makes?$/.test(word)) made = tokens.length; else pay = true;
      } else if (manifest.fieldWords.has(word) && !named[at]) {
        field = (field || []).concat(manifest.kindWords[word] || manifest.kindWords[word.replace(/s$/, "")] || []);
      } else if (manifest.studyWords.has(word) && !named[at] && !notWanted) {
        study = true;  // a subject studied ('accounting major'): the jobs it prepares for before its field's pages
      } else if (notWanted) {
        tokens.push({ word: word, filler: true });  // not wanted: never searched for, and pages with it go last
        if (word.length > 1) disliked.push(word);
        return;
      } else if (named[at] ||
                 !(manifest.filler.has(word) || (manifest.describers.has(word) && before && !before.filler))) {
        tokens.push({ word: word });
        return;
      }
      dropped.push(word);
      tokens.push({ word: word, filler: true });
    });
    pay = pay || made >= 0 && tokens.slice(made).every(function (t) { return t.filler; });
    // Tired of part of a job after words that may name it ('hairdresser sick of standing all day'): jobs like the
    // job they name, if they do (`before`: the job's own page may well hold what one is tired of).
    // So does 'but' and more or less of something after them ('nurse but with better hours', 'jobs like electrician
    // but less physical'; what to have less of is a word of dislike).
    var weary = against.findIndex(function (m, i) { return m && /^(sick|tired|fed)$/.test(folded[i]); }),
      tired = weary >= 0;
    var rather = folded.findIndex(function (w, i) {
      return w === "but" && RATHER.test(folded.slice(i + 1).join(" "));
    });
    if (weary < 0 && next !== "next") weary = rather;
    weary = !plain && (!next || rather > 0) && g < 0 && folded.slice(0, Math.max(0, weary)).some(function (w) {
      return w.length > 1 && !manifest.stop.has(w) && !manifest.filler.has(w) && !asksSimilar[folded.indexOf(w)];
    }) ? weary : -1;
    if (weary > 0) next = "similar";
    // The school of a job, not wanted ('love animals but cant afford vet school'): jobs like that job that take less
    // schooling (`less`), the job being the one the word before 'school' names (`before`). Not for a subject one
    // studies ('biology degree but no med school'), which asks for the jobs it prepares for.
    var school = folded.indexOf("school"), schooled = "";
    if (!plain && !next && g < 0 && !study && school > 0 && disliked.indexOf(folded[school - 1]) >= 0) {
      schooled = raw.slice(school - 1, school + 1).join(" ");
      next = "similar";
    }
    var words = [], vague = false, filler = false;
    var meaningful = tokens.filter(function (t) { return !t.filler && (t.word.length > 1 || t.kept); });
    if (!meaningful.length && schooled) {
      // nothing else ('cant afford vet school'): the job is searched for, to list the jobs like it
      meaningful = [{ word: folded[school - 1] }];
      tokens = meaningful;
    }
    // Tired of a line of work, and nothing more ('sick of teaching, what else can i do'): jobs like it, away from it,
    // if it names a job by its title or a name (`tired`); else every job is listed, as after any word of dislike.
    tired = !plain && tired && g < 0 && !meaningful.length && disliked.length > 0;
    if (tired) {
      meaningful = tokens = disliked.map(function (w) { return { word: w }; });
      disliked = [];
      next = "similar";
      leaving = true;
    }
    if (!meaningful.length && next && !disliked.length) {
      // Nothing but a phrase like 'career path': it is searched for as it is (its synonyms lead to the tool); not
      // after a word of dislike ('i hate blood, what else'), where every job is listed (below).
      tokens.forEach(function (t) { if (t.next && !manifest.stop.has(t.word)) t.filler = false; });
      meaningful = tokens.filter(function (t) { return !t.filler && t.word.length > 1; });
      next = false;
    }
    if (!meaningful.length && explorer) {
      tokens = [];  // nothing but a kind of job ('high paying jobs'): the explorer answers it, not a page
    } else if (!meaningful.length) {
      // Nothing but filler: a stop word that stands for something ('it jobs') or a word for whoever asks ('i
      // want to help people who are going through a hard time': 'people') if there is one, else the filler
      // words themselves ('jobs').
      var kept = dropped.filter(function (w) { return manifest.keep.has(w) || manifest.describers.has(w); });
      // After a word of dislike, none: every job is listed ('i really hate blood').
      meaningful = kept.length ? kept.map(function (w) { return { word: w }; }) :
        against.indexOf(true) >= 0 || after.indexOf(true) >= 0 ? [] :
        tokens.filter(function (t) { return t.word.length > 1; });
      // Nothing but words like 'jobs' or 'careers': the list of every job comes first, then what they find;
      // best paid first for a word that asks about pay ('salaries').
      vague = !kept.length;
      filler = true;
      if (vague && pay && !explorerPhrases()) return { missing: ["explorer"] };  // 'salaries': the best paid
      if (vague) {
        var byPay = pay && manifest.shortcuts.filter(function (s) { return s.name === "sort" && s.value === "pay"; })[0];
        explorer = byPay ? { sort: byPay } : {};
      }
      tokens = meaningful;
      pay = false;
      field = false;
      place = null;  // a state's name alone is searched for as it is
    }
    tokens = tokens.filter(function (t) { return meaningful.indexOf(t) >= 0 || (!t.filler && t.word.length === 1); });
    tokens.forEach(function (t) { if (t.word.length > 1 && words.indexOf(t.word) < 0) words.push(t.word); });
    words = words.slice(0, 12);
    var asking = next === "next" ? asksNext : weary > 0 ? folded.map(function (w, i) { return i === weary; }) : goal;
    var typing = words.length > 0 && /[\p{L}\p{N}]$/u.test(text) &&
      tokens.length > 0 && tokens[tokens.length - 1].word === words[words.length - 1];
    return { words: words, typing: typing, pay: pay, field: field, study: study, state: place ? place.state : null,
             explorer: explorer, vague: vague, filler: filler, next: words.length > 0 && next,
             tokens: tokens.map(function (t) { return t.word; }), gap: gap,
             before: schooled || raw.slice(0, Math.max(0, asking.indexOf(true))).join(" "),
             after: asking.indexOf(true) < 0 || weary > 0 ? "" :
               managed(raw.slice(runEnd(asking, asking.indexOf(true))),
                       g >= 0 && MANAGING.test(folded[goalEnd - 1])),
             bare: g >= 0 && next !== "next" && (goalEnd - g === 1 || strict),
             role: g >= 0 && next !== "next" && /^(be|become|becoming|make)$/.test(folded[goalEnd - 1]),
             disliked: disliked, listing: LISTING.test(folded.join(" ")),
             // schooling after a word of dislike ('without as much school', 'but less college')
             less: !!schooled || folded.slice(against.indexOf(true) + 1 || folded.length).some(function (w) {
               return SCHOOLING.test(w);
             }),
             leaving: words.length > 0 && next === "similar" && leaving, tired: tired };
  }

  // The words after a goal phrase, as searched for. After one that asks to run something ('wants to manage a
  // restaurant', 'wants to run her own salon', 'dreaming of owning a ranch'), its manager: 'restaurant manager',
  // 'salon manager', where a possessive with 'own' says nothing more.
  function managed(words, manage) {
    if (!manage) return words.join(" ");
    var own = words.length > 1 && /^(my|her|his|their|our)$/.test(folding(words[0])) && folding(words[1]) === "own";
    return words.slice(own ? 2 : 0).join(" ") + " manager";
  }

  // The length of the goal phrase at position i of `words` (the first listed, as `marked` reads them).
  function goalLength(words, i) {
    return manifest.goal.filter(function (phrase) { return phraseAt(words, phrase, i); })[0].length;
  }

  function meaningless(word) {
    return manifest.stop.has(word) || manifest.filler.has(word);
  }

  // Where the run of marks that starts at `from` ends (`from` itself if it is -1).
  function runEnd(marks, from) {
    var end = from;
    while (end >= 0 && marks[end]) end++;
    return end;
  }

  // A query's words as typed (dotted abbreviations closed up: 'r.n.' is 'rn'), and each folded as phrases are.
  function typedWords(text) {
    return ampersands(symbolNames(text).replace(DOTTED, function (all, before, dotted) {
      return before + dotted.replace(/\./g, "");
    }).replace(APOSTROPHE, "$1")).match(WORD) || [];
  }

  function folding(original) {
    return fold(original).replace(JOINERS, "");
  }

  // The parts of a query that sets two or three jobs side by side (the manifest's `compare` phrases), as text:
  // split at such a phrase between them ('welder vs machinist', 'cna vs lpn vs rn'), or, after one that leads
  // ('difference between welder and machinist'), at each 'and', 'with' or 'to'. Null unless there are two or three.
  function compareSides(text) {
    var raw = typedWords(text), words = raw.map(folding), from = 0, cuts = [];
    for (var i = 0; i < words.length; i++) {
      var phrase = (manifest.compare || []).filter(function (p) { return phraseAt(words, p, i); })[0];
      var joins = phrase ? phrase.length : from && /^(and|with|to)$/.test(words[i]) ? 1 : 0;
      if (phrase && !cuts.length && words.slice(from, i).every(function (w) { return manifest.stop.has(w); })) {
        from = i + joins;  // it leads ('what is the difference between'): what follows is split
      } else if (joins) {
        cuts.push([i, i + joins]);
      }
      i += Math.max(joins, 1) - 1;
    }
    var sides = [];
    cuts.concat([[words.length]]).forEach(function (cut) {
      sides.push(raw.slice(from, cut[0]).join(" "));
      from = cut[1];
    });
    return sides.length > 1 && sides.length < 4 && sides.every(Boolean) && sides;
  }

  // Marks in `taken`, by position, the words of each of `phrases` (lists of folded words) found in `words` on no
  // word it marks already, in the order listed (longest first); returns which words it marked.
  function marked(phrases, words, taken) {
    var mine = words.map(function () { return false; });
    (phrases || []).forEach(function (phrase) {
      for (var i = 0; i < words.length; i++) {
        if (phraseAt(words, phrase, i, taken)) for (var j = 0; j < phrase.length; j++) taken[i + j] = mine[i + j] = true;
      }
    });
    return mine;
  }

  // Which words, by position, are a filler word and its neighbour that name a job together ('career counselor',
  // 'job coach'; `kept_pairs` in engine/search.py): stop words between them do not count. The pairs are a part
  // of their own (search/index/pairs.js), loaded only for a query with a filler word beside another word: null
  // until it has loaded.
  var keptPairs = null;

  function namedPairs(words, inPhrase) {
    var named = words.map(function () { return false; });
    var at = [];  // a word of a phrase ('after school') pairs with none beside it ('school jobs')
    words.forEach(function (w, i) { if (!manifest.stop.has(w) && !inPhrase[i]) at.push(i); });
    var filler = function (w) {
      return manifest.filler.has(w) || manifest.fieldWords.has(w) || manifest.describers.has(w) || manifest.unknownWords.has(w);
    };
    for (var k = 0; k + 1 < at.length; k++) {
      if (!filler(words[at[k]]) && !filler(words[at[k + 1]])) continue;
      if (!keptPairs && !loaded("pairs")) return null;
      keptPairs = keptPairs || new Set(loaded("pairs"));
      var pair = stem(words[at[k]]) + " " + stem(words[at[k + 1]]);
      if (keptPairs.has(pair)) named[at[k]] = named[at[k + 1]] = true;
    }
    return named;
  }

  // The jobs explorer's filters that the query's phrases ask for ('high paying' -> sort=pay), the first phrase
  // for each filter, or null; the phrases' words are marked in `inPhrase`, to be left out like filler.
  function explorerPhrases() {
    if (!manifest.shortcuts && loaded("explorer")) {
      manifest.shortcuts = loaded("explorer").map(function (e) {
        return { words: e[0].split(" "), name: e[1], value: e[2], text: e[3], orLess: e[4] === 1,
                 levels: e[5] ? e[5].split(" ") : null };
      });
    }
    return manifest.shortcuts;
  }

  // The phrases that say what a query asks (the asks part: where a job leads, a goal, jobs like one, what is not
  // wanted), each as its words, read into the manifest from the part once it is loaded (true then), or `empty`.
  function asks(empty) {
    var data = empty || !manifest.asked && loaded("asks");
    if (data) {
      ["dislike", "dislikeAfter", "next", "goal", "similar", "leaving"].forEach(function (key) {
        manifest[key] = (data[key] || []).map(function (p) { return p.split(" "); });
      });
      // a leaving phrase ('ex cop') asks for jobs like one too, away from its line of work (`leaving`)
      manifest.similar = manifest.similar.concat(manifest.leaving).sort(function (a, b) { return b.length - a.length; });
      manifest.asked = !empty;
    }
    return manifest.asked;
  }

  // The filler phrases ('how do i become'), each as its words, once the phrases part is loaded; else null.
  function fillerPhrases() {
    if (!manifest.phrases && loaded("phrases")) {
      manifest.phrases = loaded("phrases").map(function (p) { return p.split(" "); });
    }
    return manifest.phrases;
  }

  // Words that ask for jobs: after one, a level of education is a limit to rank by (`shortcuts`, `reorder`).
  var ASKS_JOBS = /^(jobs?|careers?|occupations?|positions?|work)$/;
  // The levels of education one studies for; the others ('teen', 'first job': none) say who a visitor is.
  var STUDIED = /^(postsecondary|some-college|associate|bachelor|master|doctoral)$/;

  function shortcuts(words, inPhrase) {
    var found = null;
    (manifest.shortcuts || []).forEach(function (s) {
      for (var i = 0; i < words.length; i++) {
        if (!phraseAt(words, s.words, i, inPhrase)) continue;
        for (var j = 0; j < s.words.length; j++) inPhrase[i + j] = true;
        found = found || {};
        // A level of education after a word that asks for jobs ('healthcare jobs with an associate degree') is a
        // limit the jobs found are ranked by (`reorder`); before one, or with none, it says what the visitor
        // studies ('associate degree in nursing', 'welding certificate program').
        var limit = s.name === "education" && words.slice(0, i).some(function (w) { return ASKS_JOBS.test(w); });
        if (!found[s.name]) found[s.name] = limit ? Object.assign(Object.create(s), { limit: true }) : s;
      }
    });
    return found;
  }

  // The first state named in the folded words, not inside a filler phrase: {state, at (positions)}, or null.
  function placeNamed(words, inPhrase) {
    for (var i = 0; i < words.length; i++) {
      for (var p = 0; p < manifest.places.length; p++) {
        var place = manifest.places[p], n = place.words.length;
        if (phraseAt(words, place.words, i, inPhrase)) {
          var at = words.map(function (w, k) { return k >= i && k < i + n; });
          return { state: { slug: place.slug, name: place.name }, at: at };
        }
      }
    }
    return null;
  }

  // Whether `phrase` (folded words) stands in `words` from position i, on no word `taken` marks (if given).
  function phraseAt(words, phrase, i, taken) {
    if (i + phrase.length > words.length) return false;
    for (var j = 0; j < phrase.length; j++) {
      if (words[i + j] !== phrase[j] || (taken && taken[i + j])) return false;
    }
    return true;
  }

  // Words run together ('dogwalker', 'firetruck'): each query word the site does not know, nor any word it
  // begins, nor a form of it (unless the two are `RUN_TOGETHER_FACTOR` times as common), that is two words the
  // site knows, is searched for as those two (`query.typed` keeps the words as typed). Returns the vocabularies
  // it needs first.
  // The words in `whole` are left as they are: a search split them, and no page held their parts together
  // ('reptiles' is not 'rep tiles', `unheld`). A word 're' and one the site knows is that word (`again`).
  function splitRunTogether(query, whole) {
    var missing = [], split = Object.create(null);
    query.typed = query.words.slice();
    query.words.forEach(function (word) {
      var parts = whole && whole.has(word) ? null : again(word, missing) || runTogether(word, missing);
      if (parts) split[word] = parts;
    });
    query.splits = split;
    if (missing.length) return missing;
    var apart = function (list) {
      return list.reduce(function (out, word) { return out.concat(split[word] || [word]); }, []);
    };
    query.words = unique(apart(query.words)).slice(0, 12);
    query.tokens = apart(query.tokens);
    return [];
  }

  // The two words the site knows that `word` is, run together (or three, when two are not enough and `twoOnly`
  // is not set), or null: each of three letters or more, found on two pages or more, and not a stop word. Of
  // several ways to split it, the one whose rarer word is the more common. A word one letter away from a word the site knows is a typo instead: 'accountent' is
  // 'accountant', not 'account' and 'ent'; so is a word of eight letters or more two letters away from one
  // `MISSING_LETTER_FACTOR` times as common as the rarer of the two: 'softwear' is 'software', not 'soft wear';
  // a word that sounds like one the site knows (`sounds`: 'millwrite'); and a worker's name with another ending
  // (`otherEnding`).
  function runTogether(word, missing, twoOnly) {
    var v = word.length >= 6 && !/\d/.test(word) && vocabulary(head(word, 1));
    if (!v) return null;
    if (begun(v, word)) return null;
    if (!v.stems) v.stems = v.words.map(stem);
    // A form of a word, unless that word is rare and the two are common ('truckdriver', not the 'truckdriving' of
    // a 'truck-driving class')
    var form = v.stems.indexOf(stem(word)), best = null, waiting = false, misspelt = [], threes = [];
    for (var i = 3; i <= word.length - 3; i++) {
      var left = word.slice(0, i), right = word.slice(i), l = firstIndex(v.words, left);
      if (v.words[l] !== left || manifest.stop.has(left) || manifest.stop.has(right)) continue;
      var initial = head(right, 1), rv = vocabulary(initial);
      if (!rv) {
        if (manifest.initials.has(initial)) { missing.push("words/" + initial); waiting = true; }
        continue;
      }
      var r = firstIndex(rv.words, right), common = Math.min(v.counts[l], rv.counts[r]);
      if (rv.words[r] === right && common >= 2 && (!best || common > best.common)) {
        best = { parts: [left, right], common: common };
      } else if (rv.words[r] !== right && right.length >= 6 && v.counts[l] >= 2) {
        if (i >= 4) misspelt.push([left, right, rv]);
        if (!twoOnly) threes.push([left, right, v.counts[l]]);
      }
    }
    // Or three words ('schoolbusdriver'): a word the site knows, then two more run together.
    if (!best && !waiting && !twoOnly) {
      threes.forEach(function (three) {
        var before = missing.length, rest = runTogether(three[1], missing, true);
        if (missing.length > before) waiting = true;
        if (!rest) return;
        // both words as the site has them, not one corrected after the other ('flightattendent')
        var counts = rest.map(function (part) {
          var pv = vocabulary(head(part, 1)), at = firstIndex(pv.words, part);
          return pv.words[at] === part ? pv.counts[at] : 0;
        });
        var common = Math.min.apply(null, [three[2]].concat(counts));
        if (common >= 2 && (!best || common > best.common)) best = { parts: [three[0]].concat(rest), common: common };
      });
    }
    // Or a word the site knows and, after it, one it knows misspelt by a letter ('flightattendent'): the
    // second is then corrected as any typo is.
    if (!best && !waiting) {
      misspelt.some(function (m) {
        var near = m[2].words.some(function (known, k) {
          return known.length >= 6 && m[2].counts[k] >= 2 && distance(m[1], known, 1, false) <= 1;
        });
        if (near) best = { parts: [m[0], m[1]], common: 0 };  // unless the whole is a typo itself (below)
        return near;
      });
    }
    if (!best || waiting || (form >= 0 && best.common < RUN_TOGETHER_FACTOR * v.counts[form])) return null;
    var heard = sounds(word), alike = soundsOf(v);
    var typo = v.words.some(function (known, k) {
      if (Math.abs(known.length - word.length) > 2) return false;
      if (alike[k] === heard) return true;  // spelt by ear ('millwrite')
      var d = distance(word, known, 2, false);
      return d <= 1 || (d === 2 && word.length >= 8 && v.counts[k] >= MISSING_LETTER_FACTOR * best.common);
    });
    // So is a worker's name with the wrong ending: 'cashear' is 'cashier', not 'cash' and 'ear'.
    return typo || otherEnding(word, [v]) ? null : best.parts;
  }

  // Whether the vocabulary `v` has `word`, or a word that begins with it.
  function begun(v, word) {
    return (v.words[firstIndex(v.words, word)] || "").lastIndexOf(word, 0) === 0;
  }

  // A word the site does not know, nor any word it begins, that is 're' and a word of five letters or more the site
  // knows, on two pages or more ('redecorating', 'rewiring'): [that word], else null.
  function again(word, missing) {
    var v = /^re[a-z]{5,}$/.test(word) && vocabulary(head(word, 1)), rest = word.slice(2), initial = head(rest, 1);
    if (!v || begun(v, word)) return null;
    var rv = vocabulary(initial);
    if (!rv) {
      if (manifest.initials.has(initial)) missing.push("words/" + initial);
      return null;
    }
    var at = firstIndex(rv.words, rest);
    return rv.words[at] === rest && rv.counts[at] >= 2 ? [rest] : null;
  }

  // The words a search split in two or three (`splitRunTogether`) of which no page holds every part, as a set, or
  // null: searched for whole again, they find what a word the site does not know finds.
  function unheld(outcome) {
    var words = Object.keys(outcome.splits || {}).filter(function (word) {
      var bits = outcome.splits[word].reduce(function (mask, part) {
        var n = outcome.words.indexOf(part);
        return n < 0 ? mask : mask | (1 << n);
      }, 0);
      return bits && !outcome.results.some(function (r) { return (r.mask & bits) === bits; });
    });
    return words.length ? new Set(words) : null;
  }

  // Two typed words that the index knows as one ('cyber security' -> 'cybersecurity', 'x ray' -> 'xray'): for
  // each word, the joined words it is part of. A page with the joined word then has both words. Needs the
  // vocabularies of the words' first letters.
  function compounds(tokens) {
    var joins = Object.create(null);
    for (var i = 0; i + 1 < tokens.length; i++) {
      var both = tokens[i] + tokens[i + 1];
      var vocab = vocabulary(head(both, 1));
      if (vocab && vocab.words[firstIndex(vocab.words, both)] === both) {
        [tokens[i], tokens[i + 1]].forEach(function (w) { (joins[w] || (joins[w] = [])).push(both); });
      }
    }
    return joins;
  }

  // Whether two words are one noun, singular or plural ('nurse' and 'nurses', 'company' and 'companies'): the
  // word forms that make a page's title the whole query. Other forms of a word ('trains' and 'training')
  // count for its score, not as the page's name.
  // One noun in one and many ('nurse', 'nurses'), or a field named by its workers' name and -ing ('engineering'
  // and 'engineers'): 'mechanical engineering' names Mechanical Engineers. Not 'banking' and 'bankers', a field
  // whose own pages come first.
  function sameNoun(a, b) {
    var plural = function (one, many) {
      return many === one + "s" || many === one + "es" || (/y$/.test(one) && many === one.slice(0, -1) + "ies");
    };
    var worker = /ing$/.test(a) && a.slice(0, -3);
    return a === b || plural(a, b) || plural(b, a) || b === worker || b === worker + "s";
  }

  // Run a query over what is loaded. Returns {missing: [part names]} when parts are needed first, else
  // {words, matched (Set of indexed words to highlight), results: [{doc, score, exact}] unsorted, all}.
  function run(text, wide, shortTypos, swap, plain, whole) {
    var query = parse(text, plain);
    if (query.missing) return { missing: query.missing };
    var missing = [];
    if (!query.words.length) return { words: [], matched: new Set(), results: [], all: true, explorer: query.explorer };
    query.tokens.forEach(function (word) {
      var initial = head(word, 1);
      if (manifest.initials.has(initial) && !loaded("words/" + initial)) missing.push("words/" + initial);
    });
    if (missing.length) return { missing: unique(missing) };
    missing = splitRunTogether(query, whole);
    if (missing.length) return { missing: unique(missing) };
    var joins = compounds(query.tokens);
    // Looking everywhere, a word of letters looks among words of letters, a number among numbers. Otherwise a
    // word looks among the words of its first letter, and a word the site does not know (nor the start of one)
    // also among those of the letter it may be spelt by ear for (`SOUND_INITIALS`): 'farmacy tech'.
    var initials = wide ? function (word) {
      return manifest.words.filter(function (c) { return /\d/.test(c) === /^\d/.test(word); });
    } : function (word) {
      var initial = head(word, 1), v = vocabulary(initial), other = SOUND_INITIALS[initial];
      if (!other || word.length < 5 || !v || begun(v, word)) {
        return [initial];
      }
      return [initial, other];
    };
    query.words.forEach(function (word) {
      initials(word).forEach(function (initial) {
        if (manifest.initials.has(initial) && !loaded("words/" + initial)) missing.push("words/" + initial);
      });
    });
    if (missing.length) return { missing: unique(missing) };

    var expansions = query.words.map(function (word, n) {
      var typing = query.typing && n === query.words.length - 1;
      var vocab = initials(word).map(vocabulary).filter(Boolean);
      var list = vocab.length ? expand(word, typing, vocab, shortTypos) : [];
      if (swap && swap.at === n) {
        // Read as another word (`contextSwaps`): that word and its forms, the word itself as the correction.
        list = expand(swap.word, false, [vocabulary(head(swap.word, 1))], false).map(function (e) {
          return { word: e.word, weight: e.weight, how: e.word === swap.word ? "correction" : e.how, count: e.count };
        });
      }
      (joins[word] || []).forEach(function (joined) {
        list = list.concat(expand(joined, false, [vocabulary(head(joined, 1))], false).map(function (e) {
          return { word: e.word, weight: e.weight, how: e.how, count: e.count, joined: true };
        }));
      });
      return list;
    });
    expansions.forEach(function (list) {
      list.forEach(function (e) {
        var key = termKey(e.word);
        if (key && !loaded("terms/" + key)) missing.push("terms/" + key);
      });
    });
    if (missing.length) return { missing: unique(missing) };

    var total = manifest.documents;
    var a = arrays(total);
    var touched = [];
    var full = 0, soft = 0;
    var matched = new Set();
    expansions.forEach(function (list, n) {
      var bit = 1 << n;
      var typed = query.words[n];
      full |= bit;
      var hits = [], most = 0, holders = [];  // the pages with the word, its best score, the pages a name of holds it
      var typedTitles = list.length && list[0].how === "exact" && postings(typed) && postings(typed).titles;
      var namesField = !query.study && !!typedTitles && typedTitles.docs.some(function (doc, k) {
        return (typedTitles.values[k] < EXACT_STRONG || typedTitles.values[k] >= EXACT_PART) && isFieldPage(doc);
      });
      list.forEach(function (e) {
        var p = postings(e.word);
        if (!p) return;
        matched.add(e.word);
        var docs = p.docs, values = p.values, count = docs.length;
        if (p.titles) p.titles.docs.forEach(function (doc) { a.held[doc] = 1; holders.push(doc); });
        // A compound counts only on pages named with it ('Pipefitters'), not on those that use it in passing; one
        // that is alone a page's title is as rare as those pages are: a pathway that lists boilermakers does not
        // make 'boiler' say less of them.
        var namedBy = e.how === "compound" ? new Set(p.titles ? p.titles.docs : []) : null;
        var titled = namedBy && p.titles ? p.titles.values.filter(function (length) { return length === 1; }).length : 0;
        // a correction counts as common as the likeliest one (see `expand`)
        var seen = titled ? titled : e.count || count;
        var weight = Math.log(1 + (total - seen + 0.5) / (seen + 0.5)) * e.weight / 63;
        for (var k = 0; k < count; k++) {
          var doc = docs[k], value = values[k] * weight;
          if (namedBy && !namedBy.has(doc)) continue;
          if (a.best[doc] === 0) hits.push(doc);
          if (value > a.best[doc]) a.best[doc] = value;
          if (value > most) most = value;
        }
        // A word for the work ('plumbing', 'surgery', 'physical therapy') and a page named for who does it
        // ('Plumber', 'Surgeon', 'Physical Therapist'): the page is likely the one meant, as by a name workers
        // report (below); unless the word names a field of work, whose page comes first ('engineering', 'banking').
        var doer = e.how === "form" && !e.joined && WORK_WORD.test(typed) && !WORK_WORD.test(e.word) && !namesField;
        if (p.titles && doer) {
          var named = expansions.length;
          for (k = 0; k < p.titles.docs.length; k++) {
            var length = p.titles.values[k];
            if (ownTitle(length, named) || strongName(length, named)) a.weak[p.titles.docs[k]] |= bit;
          }
        }
        var worker = e.how === "form" && !e.joined && WORK_WORD.test(typed) && !WORK_WORD.test(e.word);
        if (p.titles && (e.how === "exact" || e.how === "correction" || (e.how === "form" && (worker || sameNoun(typed, e.word))))) {
          // The word, or who does the work it names, is in the page's title or a name as good, whatever their
          // length ('nurse' in 'Nurse Anesthetists', 'engineering' in 'Petroleum Engineers'): the pages a
          // query names, which `reorder` orders by pay, growth or openings. Names workers report do not count.
          for (k = 0; k < p.titles.docs.length; k++) {
            if (p.titles.values[k] < EXACT_WEAK || p.titles.values[k] >= EXACT_PART) a.named[p.titles.docs[k]] |= bit;
          }
        }
        if (p.titles && e.how !== "typo" && e.how !== "longer" && e.how !== "compound" && (e.how !== "form" || e.joined || sameNoun(typed, e.word))) {
          // The page's title, or a name as good (`EXACT_STRONG` in engine/search.py), is the whole query; or a
          // one-word name workers report is (`EXACT_WEAK`). Each word records only its shortest name, so for a
          // query of several words this is a good guess, not a certainty: hence the few strong names only.
          // Lengths are offset by whose name it is: 0 the page's own title, 16 a strong name, 32 a weak one, and
          // 48 a word that is alone one of the jobs or fields the title lists (`strongName`).
          var tdocs = p.titles.docs, lengths = p.titles.values, n = expansions.length - (e.joined ? 1 : 0);
          for (k = 0; k < tdocs.length; k++) {
            if (ownTitle(lengths[k], n)) a.own[tdocs[k]] |= bit;
            else if (strongName(lengths[k], n)) a.title[tdocs[k]] |= bit;
            else if (n === 1 && lengths[k] === EXACT_WEAK + 1) a.weak[tdocs[k]] |= bit;  // several words might be of several names
          }
        }
      });
      if (hits.length > total * COMMON_SHARE) soft |= bit;
      for (var h = 0; h < hits.length; h++) {
        var doc = hits[h];
        if (a.best[doc] < most * FAINT_SHARE && !a.held[doc]) a.faint[doc] |= bit;
        if (a.mask[doc] === 0) touched.push(doc);
        a.score[doc] += a.best[doc];
        a.mask[doc] |= bit;
        a.best[doc] = 0;
      }
      holders.forEach(function (doc) { a.held[doc] = 0; });
    });

    // Every page with any of the words, ranked by how many it has (then by score): a query of several
    // words need not find all of them on one page. A word found on more than `COMMON_SHARE` of the pages (in any
    // of the forms searched for) is not counted there, only in the score: it says little about which page is meant,
    // so a page holding it in passing does not outrank one with the words that matter ('i enjoy working out and
    // helping others get fit' leads with fitness trainers, not with pages that hold 'others' only as every 'All
    // Other' title does). Nor is a word counted on a page that scores less than `FAINT_SHARE` of the best page for
    // it, unless one of the page's names holds it: a page that mentions it in passing does not have it as the pages
    // about it do ('nerd who loves weather and storms' leads with atmospheric scientists, not with a pathway that holds
    // all three words in passing).
    var results = [], complete = 0;
    for (var t = 0; t < touched.length; t++) {
      var doc = touched[t];
      var named = a.own[doc] | a.title[doc];
      // A field's page is named by no subject studied, and matches it less (`STUDY_LEVELS`): 'accounting major' and
      // 'criminal justice degree' ask for the jobs the subject prepares for before the field's pages.
      var studied = query.study && isFieldPage(doc);
      var exact = studied ? 0 : a.own[doc] === full ? 3 : named === full ? 2 : (named | a.weak[doc]) === full ? 1 : 0;
      var result = { doc: doc, score: a.score[doc],
                     level: Math.floor(Math.log(a.score[doc]) / SCORE_STEP) - (studied ? STUDY_LEVELS : 0),
                     exact: exact, words: popcount(a.mask[doc] & ~soft & ~a.faint[doc]), mask: a.mask[doc],
                     titled: named | a.named[doc],  // the words in its title or a name as good
                     named: a.mask[doc] === full && a.named[doc] === full };
      if (a.mask[doc] === full) complete++;
      results.push(result);
      a.score[doc] = 0;
      a.mask[doc] = 0;
      a.own[doc] = 0;
      a.title[doc] = 0;
      a.weak[doc] = 0;
      a.named[doc] = 0;
      a.faint[doc] = 0;
    }
    var fields = query.field && !query.study ? leadField(results, query.field) : [];
    var corrected = query.words.map(function (word, n) {
      var list = expansions[n];
      return list.length && list[0].how === "correction" ? list[0].word : word;
    });
    return { words: query.words, matched: matched, results: results, all: complete === results.length,
             complete: complete, pay: query.pay, state: query.state, explorer: query.explorer, vague: query.vague,
             filler: query.filler,
             next: query.next, corrected: corrected.join(" ") !== query.typed.join(" ") ? corrected.join(" ") : "", fields: fields,
             disliked: query.disliked, listing: query.listing, before: query.before, after: query.after,
             bare: query.bare, role: query.role, leaving: query.leaving, less: query.less, tired: query.tired,
             splits: query.splits, empty: expansions.some(function (list) { return !list.length; }) };
  }

  // A query that asks for a field of work ('railroad careers'): the page about a field (a cluster, pathway or
  // sub-cluster) that ranks best among them comes first, after a page whose title is the query itself; if it
  // has as many of the words as any page, and scores within `FIELD_LEVELS` levels (about 30%) of the best of
  // those. A page that merely mentions the words is no field they name. Of those, a page of the kind a field word
  // names leads if there is one ('business cluster' leads with a cluster, not the pathways that match as well);
  // `kinds` holds the kinds named.
  var FIELD_LEVELS = 12;

  function leadField(results, kinds) {
    var most = 0, level = -Infinity, fields = [];
    results.forEach(function (r) { most = Math.max(most, r.words); });
    results.forEach(function (r) {
      if (r.words !== most) return;
      level = Math.max(level, r.level);
      if (isFieldPage(r.doc)) fields.push(r);
    });
    fields = fields.filter(function (r) { return r.level >= level - FIELD_LEVELS; }).sort(better);
    var named = fields.filter(function (r) { return kinds.indexOf(fieldKind(r.doc)) >= 0; });
    if (named.length) fields = named;  // of the kind the query names, if any is as good
    if (fields.length) fields[0].lead = 1;
    return fields;
  }

  // Of field pages that score alike (`FIELD_TIE` levels, about 6%), the one in the cluster most of the best jobs
  // found are in leads: 'railroad careers' finds railroad jobs in transportation, so the transportation pathway
  // leads, not the law enforcement one that mentions railroad police as often. If that is a pathway, then of the
  // cluster's pathways that tie, the one whose ladders hold most of those jobs (the better ranked counting more)
  // leads: 'truck careers' leads with Transportation Operations, which holds the truck drivers, not the
  // warehousing pathway that mentions trucks as often. Loads the records it needs.
  var FIELD_TIE = 2, FIELD_VOTERS = 8;

  function voteField(outcome) {
    var fields = outcome.fields || [];
    var tied = fields.filter(function (r) { return r.level >= fields[0].level - FIELD_TIE; });
    if (tied.length < 2) return outcome;
    var voters = top(outcome.results.filter(function (r) { return !isFieldPage(r.doc); }), FIELD_VOTERS);
    var records = voters.concat(tied).map(function (r) { return "docs/" + r.doc; });
    return loadAll(records).then(function () {
      var votes = Object.create(null);
      voters.forEach(function (r) {
        (loaded("docs/" + r.doc).clusters || []).forEach(function (c) { votes[c] = (votes[c] || 0) + 1; });
      });
      var count = function (r) {
        var clusters = loaded("docs/" + r.doc).clusters || [];
        return clusters.length === 1 ? votes[clusters[0]] || 0 : 0;  // a page of one cluster (not the 2024 ones)
      };
      var holds = function (r) {  // the best jobs a pathway's ladders hold (by id), the better ranked counting more
        var jobs = loaded("docs/" + r.doc).jobs || [];
        return voters.reduce(function (sum, v, n) {
          return sum + (jobs.indexOf(v.doc) >= 0 ? voters.length - n : 0);
        }, 0);
      };
      var best = tied[0];
      tied.forEach(function (r) { if (count(r) > count(best)) best = r; });
      var chosen = loaded("docs/" + best.doc), cluster = (chosen.clusters || [])[0];
      if (chosen.jobs) {  // a pathway: of that cluster's pathways that tie, the one holding the best jobs
        tied.forEach(function (r) {
          var record = loaded("docs/" + r.doc);
          if (record.jobs && (record.clusters || [])[0] === cluster && holds(r) > holds(best)) best = r;
        });
      }
      tied[0].lead = 0;
      best.lead = 1;
      return outcome;
    });
  }

  // The facets part (search/index/facets.js, loaded by the results page and by a query that asks for a kind of
  // job, `reorder`): for each cluster, interest area, level of education and of experience, kind of training, and
  // for a bright outlook, the set of its documents.
  var facetSets = null;
  function facets() {
    if (facetSets) return facetSets;
    var data = loaded("facets");
    facetSets = { clusters: {}, interests: {}, education: {}, experience: {}, training: {}, outlook: {} };
    Object.keys(facetSets).forEach(function (name) {
      Object.keys(data[name] || {}).forEach(function (k) { facetSets[name][k] = idSet(data[name][k]); });
    });
    return facetSets;
  }

  // The sorts part (search/index/sorts.js): for a sort of the jobs explorer ('pay', 'growth', 'openings'), job ->
  // its own figure, as a number that orders them (engine/search.py `SORTS`).
  var sortMaps = {};
  function sorts(name) {
    var data = loaded("sorts")[name], found = sortMaps[name];
    if (found || !data) return found || new Map();
    found = sortMaps[name] = new Map();
    var values = decodeNumbers(data.values), doc = 0;
    decodeNumbers(data.ids).forEach(function (gap, n) { doc += gap; found.set(doc, values[n]); });
    return found;
  }

  function idSet(text) {
    var ids = decodeNumbers(text), set = new Set(), doc = 0;
    ids.forEach(function (gap) { doc += gap; set.add(doc); });
    return set;
  }

  // A query that asks for a kind of job and names one: its best match by the words (`lead`, which tells whether
  // they name a cluster: `askedCluster`) is kept; then, among the pages with every word,
  // - the jobs that fit each filter a phrase asks for (the education, experience, training or outlook the facets list,
  //   the least median pay of their own the sorts give) keep their place, and so do other pages, while the
  //   jobs that do not fit, or whose figure BLS does not give, go after them (`fits`): 'nurse jobs without a
  //   degree' lists licensed practical nurses and nursing assistants before registered nurses. Nothing moves if
  //   no job with every word fits ('registered nurse jobs without a degree'). A level of education that is no
  //   limit ('or less', or after a word that asks for jobs: 'healthcare jobs with an associate degree';
  //   `shortcuts`), and above high school (`STUDIED`), says what the visitor studies ('associate degree in
  //   nursing', 'welding certificate program'): the jobs the words name then fit whatever level BLS gives as
  //   typical (registered nurses, a bachelor's degree), as many start them with another;
  // - for a sort ('highest paying nurse jobs', 'fastest growing'), unless the words name a cluster, which the
  //   explorer then lists sorted ('high paying construction jobs'), the jobs whose title or a name has every word
  //   come first, in the order the jobs explorer sorts them (`sorted`: the job's own median pay, growth or
  //   openings), so nurse anesthetists lead the best paid.
  // Loads the facets or the sorts as needed, and the lead's record.
  var FIT_FILTERS = ["education", "experience", "training", "outlook"];

  var FEW_NAMED = 2;  // jobs named by a name in their titles that all stay first ('pilot': airline and commercial)

  function reorder(outcome) {
    var explorer = outcome.explorer, results = outcome.results;
    if (!explorer || outcome.vague || !outcome.words.length || !results.length) return outcome;
    var leads = top(results, 3);
    var wanted = FIT_FILTERS.filter(function (name) { return explorer[name] && explorer[name].levels; });
    var studied = explorer.education && !explorer.education.orLess && !explorer.education.limit &&
      STUDIED.test(explorer.education.value);
    var least = explorer.min_pay ? Number(explorer.min_pay.value) : 0;  // 'nurse jobs that pay 100k'
    var parts = leads.map(function (r) { return "docs/" + r.doc; }).concat(wanted.length ? ["facets"] : [],
                                                                          explorer.sort || least ? ["sorts"] : []);
    return loadAll(parts).then(function () {
      // The lead is the best match of the 16 clusters' site, which the explorer filters by: a 2024 cluster
      // named as well ('healthcare' names Healthcare & Human Services too) gives way to a page of the next two.
      outcome.lead = leads.filter(function (r) {
        var kind = loaded("docs/" + r.doc).kind;
        return kind !== "modern-cluster" && kind !== "sub-cluster";
      })[0] || leads[0];
      var f = wanted.length && facets(), full = (1 << outcome.words.length) - 1, any = false;
      // When the words name a cluster, the explorer answers the sort for that cluster, and for jobs like one, the
      // tool that lists them ('high paying jobs like nurse'): the pages stay as ranked.
      var figures = explorer.sort && outcome.next !== "similar" && askedCluster(outcome) < 0 &&
        sorts(explorer.sort.value);
      var pay = least && sorts("pay");
      results.forEach(function (r) {
        if (r.mask !== full) return;
        var job = inRuns(manifest.jobPages || [], r.doc);
        if (wanted.length || least) {
          r.fits = !job || (studied && r.named) || (wanted.every(function (name) {
            return explorer[name].levels.some(function (value) { return f[name][value] && f[name][value].has(r.doc); });
          }) && (!least || pay.get(r.doc) >= least)) ? 1 : 0;
          any = any || (job && r.fits === 1);
        }
        if (figures && r.named && figures.has(r.doc)) r.sorted = figures.get(r.doc);
      });
      if (!any) results.forEach(function (r) { delete r.fits; });
      // The one job every word names, if only one is ('is being a bank teller a good first job'), stays first; or
      // of several, the one they name by a name in its title ('welder apprenticeship': Welders, Cutters, ...), or
      // the few ('can you become a pilot without going to college': Airline Pilots, Commercial Pilots), unless the
      // query asks for a list ('nurse jobs without a degree', 'highest paying nurse jobs').
      var named = results.filter(function (r) { return r.named && inRuns(manifest.jobPages || [], r.doc); });
      var titled = named.filter(function (r) { return r.exact >= 2; });
      if (named.length === 1) named[0].only = 1;
      else if (titled.length && titled.length <= FEW_NAMED && !explorer.sort && !outcome.listing) {
        titled.forEach(function (r) { r.only = 1; });
      }
      return outcome;
    });
  }

  // A query that asks for a kind of job and nothing else ('highest paying jobs', 'jobs without a degree'): the jobs
  // that fit, by the explorer's sort, else the most commonly held first, which is the order of their numbers;
  // either way by figures of their own, so a job that shares its occupation's or a wider group's comes after. The
  // explorer, offered first, lists them too.
  function listJobs(outcome) {
    var explorer = outcome.explorer;
    if (!explorer || outcome.words.length || outcome.vague) return outcome;
    var wanted = FIT_FILTERS.filter(function (name) { return explorer[name] && explorer[name].levels; });
    var least = explorer.min_pay ? Number(explorer.min_pay.value) : 0, sort = explorer.sort && explorer.sort.value;
    return loadAll((wanted.length ? ["facets", "sorts"] : ["sorts"])).then(function () {
      var f = wanted.length && facets(), figures = sort && sorts(sort), pay = sorts("pay"), growth = sorts("growth");
      (manifest.jobPages || []).forEach(function (run) {
        for (var doc = run[0]; doc < run[1]; doc++) {
          if (wanted.every(function (name) {
            return explorer[name].levels.some(function (value) { return f[name][value] && f[name][value].has(doc); });
          }) && (!least || pay.get(doc) >= least)) {
            var own = figures ? figures.has(doc) : pay.has(doc) || growth.has(doc);
            outcome.results.push({ doc: doc, score: 0, level: 0, exact: 0, words: 0, mask: 0,
                                   sorted: !own ? undefined : figures ? figures.get(doc) : 1e6 - doc });
          }
        }
      });
      return outcome;
    });
  }

  function isFieldPage(doc) {
    return fieldKind(doc) !== null;
  }

  // The kind of a page about a field ('cluster'), from its place among them; null for another page.
  function fieldKind(doc) {
    var before = 0, runs = manifest.fieldPages;
    for (var i = 0; i < runs.length; i++) {
      if (doc >= runs[i][0] && doc < runs[i][1]) {
        return manifest.fieldKinds[+manifest.fieldKind.charAt(before + doc - runs[i][0])];
      }
      before += runs[i][1] - runs[i][0];
    }
    return null;
  }

  function inRuns(runs, doc) {
    return runs.some(function (run) { return doc >= run[0] && doc < run[1]; });
  }

  function popcount(n) {
    var c = 0;
    while (n) { n &= n - 1; c++; }
    return c;
  }

  function unique(list) {
    return list.filter(function (x, i) { return list.indexOf(x) === i; });
  }

  // Scores within a few percent of each other are the same level: the index's scores are rounded, so such a
  // difference says little. Within a level, the lower id ranks first; occupations are numbered by how many
  // people hold them (engine/search.py), so "mechanic" puts automotive mechanics before motorboat mechanics.
  // The two jobs a query sets side by side (`compared`) come before all else.
  var SCORE_STEP = Math.log(1.03);
  var STUDY_LEVELS = 6;  // about 16%

  function better(a, b) {
    return ((b.pin || 0) - (a.pin || 0)) || (own(b) - own(a)) || ((a.avoid || 0) - (b.avoid || 0)) ||
      ((b.fits || 0) - (a.fits || 0)) || sortedFirst(a, b) ||
      (rank(b) - rank(a)) || (b.exact - a.exact) || (b.words - a.words) || (b.level - a.level) || (a.doc - b.doc);
  }

  // The jobs `reorder` marked with their figure, highest first, before the other results.
  function sortedFirst(a, b) {
    var x = a.sorted === undefined ? -1 : a.sorted, y = b.sorted === undefined ? -1 : b.sorted;
    return y - x;
  }

  // The page whose own title is the whole query, or the one job the query names (`reorder`): first, even where
  // it does not fit what the query asks for ('can you be a firefighter without college' leads with firefighters,
  // whose page says what they need).
  function own(r) {
    return r.exact === 3 || r.only ? 1 : 0;
  }

  // A page named by the whole query first, then the field's page a query asks for (`leadField`).
  function rank(r) {
    return r.exact === 3 ? 2 : r.lead ? 1 : 0;
  }

  function sortResults(results) {
    return results.slice().sort(better);
  }

  // The best `k` results in order, without sorting them all.
  function top(results, k) {
    var best = [];
    for (var i = 0; i < results.length; i++) {
      var r = results[i];
      if (best.length < k) {
        best.push(r);
        if (best.length === k) best.sort(better);
      } else if (better(r, best[k - 1]) < 0) {
        best[k - 1] = r;
        for (var j = k - 1; j > 0 && better(best[j], best[j - 1]) < 0; j--) {
          var swap = best[j]; best[j] = best[j - 1]; best[j - 1] = swap;
        }
      }
    }
    return best.length < k ? best.sort(better) : best;
  }

  // A query of several words of which no page has all, where one word is a slip that the site does not use, or
  // uses on very few pages (`CONTEXT_RARE`), and one letter from a word it does use ('buss driver'): the readings
  // to try, each with one word changed, for which `search` keeps the one after which pages have all the words
  // (the most pages, then the commoner word). Only a word `MISSING_LETTER_FACTOR` times as common as the one
  // typed is tried, at most `CONTEXT_TRIES` of them for each word: a common word ('chef pilot') stays as typed.
  // Likewise a query of one such rare word that names no page, read as a word as common that does ('tailer' is on
  // two pages in passing, but 'Tailor' is a job): `search` keeps that reading only if a page is named by it.
  var CONTEXT_TRIES = 4;
  var CONTEXT_RARE = 2;

  function contextSwaps(outcome) {
    var single = outcome.words.length === 1;
    if (!outcome.words.length || !outcome.results.length) return [];
    if (single ? top(outcome.results, 1)[0].exact : outcome.complete) return [];  // found as typed
    var swaps = [];
    outcome.words.forEach(function (word, at) {
      var v = word.length >= 4 && !/\d/.test(word) && vocabulary(head(word, 1));
      if (!v) return;
      var i = firstIndex(v.words, word), typed = v.words[i] === word ? v.counts[i] : 0, root = stem(word);
      if (typed > CONTEXT_RARE || (single && !typed)) return;  // a word the site does not use is corrected already
      var near = [], least = (single ? 1 : MISSING_LETTER_FACTOR) * Math.max(typed, 1);
      v.words.forEach(function (other, j) {
        if (v.counts[j] >= least && other.length >= 3 && stem(other) !== root && distance(word, other, 1, false) === 1) {
          near.push({ at: at, word: other, count: v.counts[j] });
        }
      });
      near.sort(function (a, b) { return b.count - a.count; });
      swaps = swaps.concat(near.slice(0, CONTEXT_TRIES));
    });
    return swaps;
  }

  // Search, loading whatever parts the query needs. A query that sets two or three jobs side by side ('nurse
  // practitioner vs physician assistant': `compareSides`) is searched for part by part; if each names a job, the
  // outcome is the parts' together (`compared`); otherwise, and for any other query, the whole query's.
  function search(text) {
    return loadManifest().then(function () {
      var sides = compareSides(text);
      return sides ? Promise.all(sides.map(function (side) { return searchWhole(side, true); })).then(function (parts) {
        return compared(parts) || searchWhole(text);
      }) : searchWhole(text);
    });
  }

  // The parts' outcomes as one, if each names a job (`namedJob`) and no two the same: those jobs first, in
  // the order typed, then the other results of each part; a result lacks only the words of its own part.
  // `compare` holds the jobs' results. Null otherwise.
  function compared(parts) {
    var best = parts.map(function (part) { return namedJob(part); }), words = [], at = [], seen = new Set(),
      results = [], complete = 0;
    var twice = function (r, n) { return best.some(function (o, k) { return k < n && o.doc === r.doc; }); };
    if (best.some(function (r, n) { return !r || twice(r, n); })) return null;
    parts.forEach(function (part) { at.push(words.length); words = words.concat(part.words); });
    if (words.length > 30) return null;  // one bit a word
    var full = (1 << words.length) - 1;
    [true, false].forEach(function (pinned) {
      parts.forEach(function (part, n) {
        var own = ((1 << part.words.length) - 1) << at[n];
        part.results.forEach(function (r) {
          if ((r === best[n]) !== pinned || seen.has(r.doc)) return;
          seen.add(r.doc);
          var mine = Object.assign({}, r, { mask: (r.mask << at[n]) | (full & ~own), fits: undefined, sorted: undefined,
                                            pin: pinned ? parts.length - n : 0 });
          if (mine.mask === full) complete++;
          results.push(mine);
        });
      });
    });
    var matched = new Set();
    parts.forEach(function (part) { part.matched.forEach(function (w) { matched.add(w); }); });
    var fixed = parts.some(function (part) { return part.corrected; });
    return { words: words, matched: matched, results: results, all: complete === results.length, complete: complete,
             pay: parts.some(function (part) { return part.pay; }),
             state: parts.map(function (part) { return part.state; }).filter(Boolean)[0] || null,
             explorer: null, vague: false, next: false, fields: [], compare: best,
             corrected: fixed ? parts.map(function (part) { return part.corrected || part.words.join(" "); })
               .join(" vs ") : "" };
  }

  // One query's outcome, or a side's of a comparison (`side`).
  function searchWhole(text, side) {
    return loadManifest().then(function () {
      var plain = false, whole = null;
      var attempt = function (wide, short, rounds, swap) {
        var outcome = run(text, wide, short, swap, plain, whole);
        if (outcome.missing) {
          if (rounds > 6) throw new Error("the search index is incomplete");
          return loadAll(outcome.missing).then(function () { return attempt(wide, short, rounds + 1, swap); });
        }
        if (!whole && (whole = unheld(outcome))) return attempt(wide, short, 0, swap);
        if (swap) return outcome;
        if (!outcome.results.length && outcome.empty) {
          // Nothing at all: allow corrections of short words (of four letters, and two letters away from six),
          // then look for a mistake in the first letter in every vocabulary.
          var near = outcome.words.some(function (w) { return w.length === 4 || w.length === 6; });
          if (!short && near) return attempt(wide, true, 0);
          if (!wide && outcome.words.some(function (w) { return w.length >= 4; })) return attempt(true, short, 0);
        }
        return outcome;
      };
      return Promise.resolve(attempt(false, false, 0)).then(function (outcome) {
        // A phrase that asks where a job leads, or for jobs like it: the job the words before it name, if they do
        // ('bank teller who wants to move up and help with mortgages', `job`), else the one all the words name.
        // If none, its words are searched for as they are ('print a career ladder').
        // The words after the phrase may name the job wanted ('dental assistant to dental hygienist', 'server who
        // wants to become a restaurant manager'): it comes right after the job (`leadOn`). After a phrase that is
        // only one word ('to', 'become'), they must, or the phrase asks nothing ('nurse to patient ratio').
        if (!outcome.next && !outcome.before) return outcome;
        return (outcome.before ? searchWhole(outcome.before) : Promise.resolve(null)).then(function (part) {
          // Before a phrase of one word, the job must be named by words that are not all filler ('is it too late to
          // ...'), and by a title or a name as good, or a word of one; or else match much better than any other page
          // (`GOAL_LEVELS`: 'vet tech to veterinarian'), and the words after the phrase name a step after it
          // (`goalJob`). 'i'm the one everyone calls to fix their computer' names no job.
          var job = part && !part.filler && (part.job || namedJob(part, true));
          var second = part && top(part.results, 2)[1];
          if (job && outcome.bare && !byName(job)) {
            job.loose = !second || second.level + GOAL_LEVELS <= job.level;
            if (!job.loose) job = null;
          }
          var asked = job && outcome.after;
          return Promise.all([job, asked ? searchWhole(outcome.after) : null,
                              asked ? loadAll(["docs/" + job.doc]) : null]);
        }).then(function (found) {
          // named by a title or a name as good, not only found on a page; the whole of one after a word ('to')
          var job = found[0], wanted = job && found[1] && goalJob(found[1], job, outcome);
          if (outcome.bare && !wanted) job = null;
          var result = function (doc) {
            var r = outcome.results.filter(function (r) { return r.doc === doc; })[0];
            if (!r) {
              r = { doc: doc, score: 0, level: 0, exact: 0, words: 0, mask: 0 };
              outcome.results.push(r);
              outcome.all = false;
            }
            return r;
          };
          if (job) {
            outcome.job = result(job.doc);
            outcome.goal = wanted ? result(wanted.doc) : null;
            outcome.next = outcome.next || "next";
          }
          if (!outcome.next) return outcome;  // a goal phrase after no job: filler
          // A phrase whose other word names no job is searched for as words ('print a career ladder'), unless it
          // names a field ('switching careers from accounting' asks about accounting, not network switches); with
          // more words of their own ('lost my assembly line job, what else can i do'), the query is about them.
          // Tired of what names no job by a title or a name ('tired of sitting'): every job, as after any dislike.
          var best = top(outcome.results, 1)[0];
          var named = nextJob(outcome);
          plain = outcome.tired ? !(named && byName(named)) :
            !named && !(best && best.exact >= 2 && isFieldPage(best.doc)) && outcome.words.length < 2;
          return plain ? attempt(false, false, 0) : outcome;
        });
      }).then(function (outcome) {
        var swaps = contextSwaps(outcome);
        if (!swaps.length) return outcome;
        return Promise.all(swaps.map(function (swap) { return attempt(false, false, 0, swap); })).then(function (found) {
          var best = null;
          found.forEach(function (other, n) {
            var named = other.results.length && top(other.results, 1)[0].exact >= 2;
            if ((outcome.words.length === 1 ? named : other.complete) &&
                (!best || other.complete > best.outcome.complete ||
                 (other.complete === best.outcome.complete && swaps[n].count > best.count))) {
              best = { outcome: other, count: swaps[n].count };
            }
          });
          return best ? best.outcome : outcome;
        });
      }).then(avoid).then(voteField).then(reorder).then(function (outcome) {
        return side ? outcome : askedAbout(outcome, text);
      }).then(leadOn).then(listJobs).then(helpFirst).then(oneField);
    });
  }

  // A query that asks for no field ('people person who loves hotels') has at most one field's page among its
  // first `FIELD_ROOM` results, unless the words name one by its title: the jobs next in line move up past the
  // others, since a second field's page says less than the jobs a visitor can hold.
  var FIELD_ROOM = 3;

  function oneField(outcome) {
    var best = top(outcome.results, 2 * FIELD_ROOM), kept = [], fields = 0;
    if ((outcome.fields || []).length || best.some(function (r) { return r.pin; })) return outcome;
    best.forEach(function (r) {
      var field = isFieldPage(r.doc) && r.exact < 2;
      if (kept.length < FIELD_ROOM && !(field && fields)) kept.push(r);
      fields += field;
    });
    if (kept.some(function (r, n) { return r !== best[n]; })) kept.forEach(function (r, n) { r.pin = kept.length - n; });
    return outcome;
  }

  // A query of nothing but filler ('what now', 'what job should i do') asks for help in choosing: the pages that give
  // it (`helpDocs` in the manifest: Find your path, Explore by interest) come first, before the pages its words find,
  // unless it asks about pay ('salaries': every job, best paid first). Pages the words name by their titles stay
  // before them ('jobs at a school': Education & Training).
  function helpFirst(outcome) {
    if (!outcome.vague || !outcome.words.length || (outcome.explorer && outcome.explorer.sort)) return outcome;
    var docs = manifest.helpDocs || [];
    outcome.results.forEach(function (r) { if (r.exact >= 2) r.pin = docs.length + 1; });
    docs.forEach(function (doc, n) {
      var r = outcome.results.filter(function (r) { return r.doc === doc; })[0];
      if (!r) {
        r = { doc: doc, score: 0, level: 0, exact: 0, words: 0, mask: 0 };
        outcome.results.push(r);
        outcome.all = false;
      }
      r.pin = docs.length - n;
    });
    return outcome;
  }

  // A question about a job that some of its words name ('do electricians have to be good at math', 'do probation
  // officers carry guns'), where no job is named by them all: the job the longest run of them names by its title or
  // a name as good comes first (`only`), though its page lacks the other words, for it answers the question. Runs
  // of up to `ASKED_RUN` words, of a query of up to `ASKED_WORDS`; not in a side of a comparison ('should i be a vet
  // tech or a veterinarian', `search`), whose job all its words must name.
  var QUESTION = /^\W*(do|does|did|is|are|was|can|could|should|will|would|how|what|why|which)\b/i;
  var ASKED_WORDS = 6, ASKED_RUN = 4;

  function askedAbout(outcome, text) {
    var words = outcome.words || [], lead = top(outcome.results, 1)[0];
    if (!QUESTION.test(text) || words.length < 2 || words.length > ASKED_WORDS || outcome.next || outcome.explorer ||
        !lead || lead.exact >= 2 || lead.named) return outcome;
    for (var n = Math.min(ASKED_RUN, words.length - 1); n >= 1; n--) {
      for (var at = 0; at + n <= words.length; at++) {
        var part = run(words.slice(at, at + n).join(" ") + " ", false, false, null, true);
        var best = !part.missing && top(part.results, 1)[0];
        if (!best || best.exact < 2 || !inRuns(manifest.jobPages || [], best.doc)) continue;
        outcome.results.forEach(function (r) { if (r.doc === best.doc) r.only = 1; });
        return outcome;
      }
    }
    return outcome;
  }

  // The pages where a word of what is not wanted counts most (the `AVOID_MOST` best, within `AVOID_LEVELS`, about
  // 30%, of the best score) go after the others, unless the word is on most pages (`COMMON_SHARE`): 'i like
  // science and medicine but i dont want to deal with patients' puts Therapeutic Services, the pathway of patient
  // care, after the scientists' pages. See `better`.
  var AVOID_LEVELS = 12, AVOID_MOST = 20;

  function avoid(outcome, rounds) {
    var against = outcome.disliked || [];
    if (!against.length || !outcome.results.length) return outcome;
    var other = run(against.join(" ") + " ", false, false, null, true);
    if (other.missing && rounds > 6) throw new Error("the search index is incomplete");
    if (other.missing) return loadAll(other.missing).then(function () { return avoid(outcome, (rounds || 0) + 1); });
    var most = top((other.results || []).filter(function (r) { return r.words; }), AVOID_MOST);
    var shunned = new Set(most.filter(function (r) { return r.level >= most[0].level - AVOID_LEVELS; })
      .map(function (r) { return r.doc; }));
    // and if none of the best pages found is one of those, the pages of them where it counts about as much as on
    // any, if that is within twice as far of the most ('love animals but cant stand blood' puts the veterinarians
    // after the animal trainers)
    var found = new Set(top(outcome.results, AVOID_MOST).map(function (r) { return r.doc; }));
    var near = top(other.results.filter(function (r) { return r.words && found.has(r.doc); }), AVOID_MOST);
    if (near.some(function (r) { return shunned.has(r.doc); })) near = [];
    near.forEach(function (r) {
      if (r.level >= near[0].level - AVOID_LEVELS && r.level >= most[0].level - 2 * AVOID_LEVELS) shunned.add(r.doc);
    });
    outcome.results.forEach(function (r) { if (shunned.has(r.doc)) r.avoid = 1; });
    return outcome;
  }

  // The job the words after a goal phrase name (`part`, their outcome), other than `job`, if one of the best
  // `GOAL_TIES` pages has all of them: first, one of the steps after the job whose title or a name as good has one
  // (the last, after a phrase of one word), if it matches about as well as the best (`GOAL_LEVELS`, about 7%:
  // 'firefighter who wants to make captain' means the fire captain, not the airline captain; 'auto mechanic wants
  // to be shop manager' the mechanics' supervisor); else the best if they name it (the whole of a title or a name
  // as good, after a phrase of one word such as 'to', the first such), unless the job was found only by matching
  // much better than any other page (`loose`: then only a step counts); else, after a phrase that names a role
  // ('wants to be a cop', 'becoming'), the best if it matches as well as any page but the job's own.
  function goalJob(part, job, outcome) {
    var record = loaded("docs/" + job.doc), all = (1 << part.words.length) - 1, steps = record.after || [];
    var others = part.results.filter(function (r) { return r.doc !== job.doc; }), best = top(others, 1)[0];
    var ranked = part.explorer ? [] : top(others, GOAL_TIES).filter(function (r) {
      return r.mask === all && inRuns(manifest.jobPages || [], r.doc);
    });
    if (!ranked.length) return null;
    // after a phrase of one word, a step named by the last word, the job's name ('line cook to head chef'; not
    // 'nurse to patient ratio'), or the step they match best ('help desk tech to network admin', where 'admin' is
    // a synonym), or a page named by them all; a step right above the job first, then one higher up its ladders
    // (`later` in its record: 'warehouse associate how do i become a supervisor', where many supervisors tie); of
    // those the words match as well, the likeliest or nearest ('cashier wanting to become store manager': the retail
    // supervisors, whom O*NET also calls store managers, before the general managers higher up)
    var last = 1 << (part.words.length - 1), first = ranked[0];
    var climbs = function (on) {
      return others.filter(function (r) {
        return r.mask === all && (outcome.bare ? r.titled & last || r === first : r.titled) &&
          on.indexOf(r.doc) >= 0 && r.level >= first.level - GOAL_LEVELS;
      }).sort(function (a, b) { return b.level - a.level || on.indexOf(a.doc) - on.indexOf(b.doc); })[0];
    };
    var step = climbs(steps) || climbs(record.later || []);
    var named = outcome.bare ? ranked.filter(function (r) { return r.exact >= 2; })[0] :
      (first.exact || first.named) && first;
    return step || (!job.loose && named) || (outcome.role && first.level >= best.level ? first : null);
  }

  // A query that asks where the job it names can lead ('cna who wants to move up', 'what comes after bank teller'):
  // that job first, then up to `NEXT_PINNED` of the jobs of the steps after it on its ladders (`after` in its record,
  // engine/search.py `NEXT_STEPS`, the likeliest first), first those whose title or a name as good has a word of the
  // query the job's has not (`titled`), the best match first ('ems worker who wants to become a paramedic'). Each
  // says whose next step it is (`item`). A job the words after the phrase name (`goal`) comes before them. A query
  // that asks for jobs like the one it names ('career change from teacher', `similar`) lists as many of its related
  // jobs (`like` in its record, engine/search.py `LIKE_SHOWN`, in O*NET's order: 'jobs like dental hygienist' lists
  // dental assistants first), each saying whose like it is, and then that job: the visitor has it already.
  var NEXT_PINNED = 3, GOAL_TIES = 5, GOAL_LEVELS = 3;

  function leadOn(outcome) {
    var best = nextJob(outcome), alike = outcome.next === "similar";
    if (!best) return outcome;
    outcome.job = best;  // the tool is set to it, though jobs like it come first (`nextLink`)
    return loadAll(["docs/" + best.doc]).then(function () {
      var record = loaded("docs/" + best.doc), found = new Map(), after = (alike ? record.like : record.after) || [];
      // away from its line of work ('leaving teaching'): its related jobs outside it first (`away` in its record,
      // engine/search.py `elsewhere`); with less schooling ('jobs like veterinarian but less school'), those like it
      // that take less (`shorter`: the steps below it on its ladders and its related jobs)
      var less = alike && outcome.less;
      var front = alike && (less ? record.shorter : outcome.leaving && record.away) || [];
      after = front.concat(after.filter(function (doc) { return front.indexOf(doc) < 0; }));
      outcome.results.forEach(function (r) { found.set(r.doc, r); });
      var goal = outcome.goal || null;
      var steps = after.filter(function (doc) { return !goal || doc !== goal.doc; }).map(function (doc) {
        return found.get(doc) || { doc: doc, score: 0, level: 0, exact: 0, words: 0, mask: 0, added: true };
      });
      if (goal && after.indexOf(goal.doc) >= 0) goal.from = record.title;
      // 1 if `r` has a word of the query that the job has not (in its title or a name as good, with `key` 'titled')
      var adds = function (r, key) { return (r[key] || 0) & ~(best[key] || 0) ? 1 : 0; };
      // those listed first (outside its line of work, or with less schooling), whatever words they have ('leaving the
      // classroom')
      var out = function (r) { return front.indexOf(r.doc) >= 0 ? 1 : 0; };
      steps = steps.sort(function (a, b) {
        return out(b) - out(a) || adds(b, "titled") - adds(a, "titled") || adds(b, "mask") - adds(a, "mask") ||
          (adds(a, "mask") ? better(a, b) : 0);
      }).slice(0, NEXT_PINNED);
      steps.forEach(function (r) {
        r.from = record.title;
        r.alike = alike;
        if (r.added) outcome.results.push(r);
      });
      // Right after the job: the job the words after the phrase name ('dental assistant to dental hygienist'); or,
      // where no step has a word the job lacks ('how can a teacher move into instructional design'), the best page
      // that has one.
      // A job wanted that is on none of its ladders (neither a next step nor one higher up, `later`) goes after a
      // step named by a word the job lacks: 'server who wants to become a restaurant manager' may mean a food
      // service manager or a shift supervisor.
      var climbed = goal && (goal.from || (record.later || []).indexOf(goal.doc) >= 0);
      var lead = goal && !climbed && steps.length && adds(steps[0], "titled") ? steps.slice(0, 1) : [];
      var wanted = goal || !steps.some(function (r) { return adds(r, "mask"); }) &&
        top(outcome.results.filter(function (r) { return adds(r, "mask"); }), 1)[0];
      // Jobs like it go before it, the page with words it lacks first ('jobs like nursing but with animals').
      var pinned = alike && steps.length ? [].concat(wanted || [], steps, best) :
        [best].concat(lead, wanted || [], steps.slice(lead.length));
      pinned.forEach(function (r, n) { r.pin = pinned.length - n; });
      outcome.all = outcome.all && !steps.some(function (r) { return r.added; });
      return outcome;
    });
  }

  // Documents' display data, loading any not yet loaded.
  function documents(results) {
    var names = results.map(function (r) { return "docs/" + r.doc; });
    var ready = names.every(function (name) { return loaded(name); });
    if (ready) return null;
    return loadAll(names);
  }

  // -- showing results ----------------------------------------------------------------------------------

  var wordCache = Object.create(null);  // passage text -> [{start, end, forms}]

  function textWords(text) {
    var cached = wordCache[text];
    if (cached) return cached;
    var out = [];
    TEXT_WORD.lastIndex = 0;
    var match;
    while ((match = TEXT_WORD.exec(text))) {
      var folded = fold(match[0]).replace(/['\u2019]/g, "");
      var forms = [folded.replace(JOINERS, "")];
      if (JOINERS.test(folded)) forms = forms.concat(folded.split(JOINERS));
      JOINERS.lastIndex = 0;
      out.push({ start: match.index, end: match.index + match[0].length, forms: forms });
    }
    return (wordCache[text] = out);
  }

  function isMatch(word, matched) {
    for (var i = 0; i < word.forms.length; i++) if (matched.has(word.forms[i])) return true;
    return false;
  }

  // Append `text` to `parent`, with matched words (from index `from` to `to` of its words) in <mark>.
  function appendMarked(parent, text, words, from, to, matched, start, end) {
    var at = start;
    for (var i = from; i < to; i++) {
      var w = words[i];
      if (!isMatch(w, matched)) continue;
      if (w.start > at) parent.appendChild(document.createTextNode(text.slice(at, w.start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(w.start, w.end);
      parent.appendChild(mark);
      at = w.end;
    }
    if (end > at) parent.appendChild(document.createTextNode(text.slice(at, end)));
  }

  function highlight(parent, text, matched) {
    var words = textWords(text);
    appendMarked(parent, text, words, 0, words.length, matched, 0, text.length);
  }

  // The title with the matched words marked; when none of them is in it, the other name of the job that has
  // them ("Lawyers, also called Attorney"), or else the technology ("Data Scientists · uses Python").
  function appendTitle(parent, doc, matched) {
    highlight(parent, doc.title, matched);
    if (textWords(doc.title).some(function (w) { return isMatch(w, matched); })) return;
    [["also", ", also called "], ["tools", " · uses "]].some(function (kind) {
      return (doc[kind[0]] || []).some(function (name) {
        if (!textWords(name).some(function (w) { return isMatch(w, matched); })) return false;
        var also = document.createElement("span");
        also.className = "search-also";
        also.appendChild(document.createTextNode(kind[1]));
        highlight(also, name, matched);
        parent.appendChild(also);
        return true;
      });
    });
  }

  // The query's words a result does not have, as a line of text, or "" when it has them all.
  function missingWords(result, outcome) {
    // A page the query's form puts in place (the job one has, the one wanted, a step after it, the jobs compared)
    // lacks the other side's words by its nature: 'dental assistant to dental hygienist'.
    if (result.pin) return "";
    var missing = outcome.words.filter(function (word, n) { return !(result.mask & (1 << n)); });
    return missing.length ? "Missing: " + missing.join(", ") : "";
  }

  // Where a result leads: an occupation's pay, when the query asked about pay; with the state the query
  // named chosen (static/js/pay.js reads `state` from the address).
  function resultUrl(doc, outcome) {
    var url = href(doc.url);
    if (!url) return url;
    if (outcome.state) url += "?state=" + encodeURIComponent(outcome.state.slug);
    return outcome.pay && doc.kind === "occupation" ? url + "#pay" : url;
  }

  // The jobs explorer with the filters a query asked for, as {url, label}: 'Jobs that need a high school
  // diploma to start, best paid first'. Null if none, or if the site has no explorer.
  // With `cluster` (an index into the manifest's clusters), the explorer shows that cluster's jobs alone:
  // 'Health Science jobs that need a high school diploma to start'.
  // as jobs.js writes them
  var FILTER_ORDER = ["education", "or_less", "experience", "training", "min_pay", "outlook", "cluster", "sort"];
  function explorerLink(explorer, cluster) {
    var url = explorer && href(manifest.explorerUrl);
    if (!url) return null;
    var within = cluster >= 0 ? manifest.clusters[cluster] : null;
    var query = new URLSearchParams(), said = [];
    FILTER_ORDER.forEach(function (name) {
      if (name === "cluster") {
        if (within) query.set(name, within[0]);
        return;
      }
      if (name === "or_less") {
        if (explorer.education && explorer.education.orLess) query.set(name, "yes");
        return;
      }
      if (!explorer[name]) return;
      query.set(name, explorer[name].value);
      if (name !== "sort") said.push(explorer[name].text);
    });
    var label = (within ? within[1] + " jobs" : said.length ? "Jobs" : "All jobs") +
      (said.length ? " " + said.join(" and ") : "") + (explorer.sort ? ", " + explorer.sort.text : "");
    var filters = query.toString();
    return { url: url + (filters ? "?" + filters : ""), label: label };
  }

  // The cluster that a query asking for a kind of job names with its other words ('healthcare jobs without a
  // degree', 'high paying construction jobs'): that of its best match by the words (`lead`), if that is a cluster or a pathway
  // whose title (or a name as good) is those words. An index into the manifest's clusters, or -1.
  function askedCluster(outcome) {
    var best = outcome.lead;
    if (!outcome.explorer || !outcome.words.length || !best || !best.exact) return -1;
    var doc = loaded("docs/" + best.doc);
    if (!doc || (doc.kind !== "cluster" && doc.kind !== "pathway") || !(doc.clusters || []).length) return -1;
    return manifest.clusters[doc.clusters[0]] ? doc.clusters[0] : -1;
  }

  // For a query that asks where a job can lead ('what comes after nursing assistant'; `next` in the manifest) or
  // for jobs like it ('jobs like teacher'; `similar`), the tool that shows both, set to the job the words name,
  // as {url, label}: the best match must be a job that the query's words name (`nextJob`, `namedJob`). Null
  // otherwise, or if its record has not loaded.
  function nextJob(outcome) {
    return outcome.next ? outcome.job || namedJob(outcome, true) : null;
  }

  // Whether a result is named by its title or a name as good, or holds a word of one, not only found on its page.
  function byName(r) {
    return r.exact || r.named || r.titled;
  }

  // The best match of an outcome if it is a job its words name: its title or a name of it is the query, or holds
  // every word; or, though no name holds them, it has every word ('hvac', 'vet tech': a synonym, or a name workers
  // report). Null otherwise, and for a part that asks for a kind of job ('careers that pay $120,000 or more'), unless
  // it asks for jobs like one ('high paying jobs like nurse').
  // The job one has (`own`) may hold what one is tired of ('software engineer tired of coding, what else'): a page put
  // lower for that (`avoid`) that the words name better than the best page is the job; not so for a job one asks
  // about ('work in a hospital but not as a nurse or doctor' compares no jobs).
  function namedJob(outcome, own) {
    var best = top(outcome.results, 1)[0];
    var shunned = own && best &&
      top(outcome.results.filter(function (r) { return r.avoid && r.exact > best.exact; }), 1)[0];
    best = shunned || best;
    // tired of a field ('tired of real estate'): the best job in it
    if (outcome.tired && best && !inRuns(manifest.jobPages || [], best.doc)) {
      best = top(outcome.results.filter(function (r) { return inRuns(manifest.jobPages || [], r.doc); }), 1)[0];
    }
    return best && (!outcome.explorer || outcome.next === "similar") &&
      (best.exact || best.named || popcount(best.mask) === outcome.words.length) &&
      inRuns(manifest.jobPages || [], best.doc) ? best : null;
  }

  function nextLink(outcome) {
    var best = manifest.nextUrl && nextJob(outcome);
    var doc = best && loaded("docs/" + best.doc);
    var code = jobCode(doc);
    var url = code && href(manifest.nextUrl);
    var similar = outcome.next === "similar";
    return url && { url: url + "?job=" + encodeURIComponent(code) + (similar ? "#from-related" : ""),
                    label: similar ? "Jobs like " + doc.title : "Where " + doc.title + " can go next" };
  }

  // For a query that sets jobs side by side (`compared`), the compare page set to them (and to the state the
  // query names, as `resultUrl` does), as {url, label}.
  function compareLink(outcome) {
    var docs = (outcome.compare || []).map(function (r) { return loaded("docs/" + r.doc); });
    var codes = docs.map(jobCode), titles = docs.map(function (doc) { return doc && doc.title; });
    var url = codes.length && codes.every(Boolean) && href(manifest.compareUrl);
    return url && { url: url + "?jobs=" + codes.map(encodeURIComponent).join(",") +
                          (outcome.state ? "&state=" + encodeURIComponent(outcome.state.slug) : ""),
                    label: "Compare " + (titles.length > 2 ? titles.slice(0, -1).join(", ") + "," : titles[0]) + " " +
                           (titles.length > 2 ? "and " : "with ") + titles[titles.length - 1], compare: true };
  }

  // An occupation's O*NET-SOC code, from its address; null for any other page.
  function jobCode(doc) {
    var ends = (manifest.jobUrl || "").split("{slug}");
    if (!doc || doc.kind !== "occupation" || ends.length !== 2 || doc.url.indexOf(ends[0]) !== 0) return null;
    return doc.url.slice(ends[0].length, doc.url.length - ends[1].length);
  }

  // A line of the results page's help: a link ({url, label}), then what it leads to.
  function appendTip(parent, className, link, after) {
    var tip = document.createElement("p");
    tip.className = className;
    var a = document.createElement("a");
    a.href = link.url;
    a.textContent = link.label;
    tip.append(a, " \u2013 " + after);
    parent.appendChild(tip);
  }

  // Other ways in, for a query that finds little: a corrected spelling, and pages to browse.
  function appendHelp(parent, outcome, text, brief) {
    // A query about what the data has no figures on ('union electrician'): its other words are searched for, or
    // all of them if there are no others ('work from home'), as with filler words. Say so.
    var gap = parse(text).gap;
    if (gap) {
      var none = document.createElement("p");
      none.className = "search-help-unknown";
      none.textContent = "This site has no figures on " + gap[1] + ", so these results match your words only.";
      parent.appendChild(none);
    }
    var next = !brief && (nextLink(outcome) || compareLink(outcome));
    if (next) {
      appendTip(parent, "search-help-next", next, next.compare ? "pay, outlook, education and skills side by side." :
        outcome.next === "similar" ? "related jobs, and jobs that use the same skills." :
        "the jobs it often leads to, and what each one takes.");
    }
    var shortcut = !brief && explorerLink(outcome.explorer, askedCluster(outcome));
    if (shortcut) appendTip(parent, "search-help-explorer", shortcut, "in the jobs explorer, where you can change the filters.");
    // Why the order is not by the words alone (`reorder`, `avoid`).
    var fit = outcome.results.some(function (r) { return r.fits === 0; });
    var sorted = outcome.words.length && outcome.results.some(function (r) { return r.sorted !== undefined; });
    var shunned = outcome.results.some(function (r) { return r.avoid; });
    if (!brief && (fit || sorted || shunned)) {
      var note = document.createElement("p");
      note.className = "search-help-order";
      var named = fit && top(outcome.results, 1)[0].fits === 0;  // the job the query names leads (`own`)
      note.textContent = [fit && "Jobs that fit what you asked for come " + (named ? "next." : "first."),
        sorted && "Jobs named by your search come first, " + outcome.explorer.sort.text + ".",
        shunned && "Pages most about what you said you do not want come last."].filter(Boolean).join(" ");
      parent.appendChild(note);
    }
    if (outcome.corrected) {
      var p = document.createElement("p");
      p.className = "search-help-correction";
      p.appendChild(document.createTextNode("Did you mean "));
      var a = document.createElement("a");
      a.href = searchPage(outcome.corrected);
      a.textContent = outcome.corrected;
      p.appendChild(a);
      p.appendChild(document.createTextNode("?"));
      parent.appendChild(p);
    }
    if (brief ? outcome.results.length : outcome.results.length >= 3 && outcome.complete) return;
    if (outcome.explorer && !outcome.words.length) return;  // the explorer answers it
    var help = document.createElement("p");
    help.className = "search-help";
    help.appendChild(document.createTextNode(outcome.results.length ? "Not what you need? Try fewer or other words, or: " :
                                             "Try fewer or other words, or: "));
    (manifest.help || []).forEach(function (link, n) {
      var url = href(link[1]);
      if (!url) return;
      if (n) help.appendChild(document.createTextNode(" \u00b7 "));
      var a = document.createElement("a");
      a.href = url;
      a.textContent = link[0];
      help.appendChild(a);
    });
    parent.appendChild(help);
  }

  // Where a snippet around word `hit` begins: the start of its sentence if that is near, else a few words back.
  function windowStart(text, words, hit) {
    for (var i = hit; i > 0 && i > hit - 10; i--) {
      if (/[.;!?]\s*$/.test(text.slice(words[i - 1].end, words[i].start))) return i;
    }
    return i === 0 ? 0 : Math.max(0, hit - 3);
  }

  // The passage window with the most matched words, as text with marks; the first passage if none match.
  function snippet(parent, passages, matched, size) {
    var best = null;
    passages.forEach(function (text, p) {
      var words = textWords(text);
      var hits = [];
      for (var i = 0; i < words.length; i++) if (isMatch(words[i], matched)) hits.push(i);
      for (var h = 0; h < hits.length; h++) {
        var from = words.length <= size + 4 ? 0 : windowStart(text, words, hits[h]);
        var to = Math.min(words.length, from + (from === 0 && words.length <= size + 4 ? words.length : size));
        var distinct = new Set(), count = 0;
        for (var k = h; k < hits.length && hits[k] < to; k++) { distinct.add(words[hits[k]].forms[0]); count++; }
        var value = distinct.size * 100 + count * 10 - p;
        if (!best || value > best.value) best = { value: value, text: text, words: words, from: from, to: to };
      }
    });
    if (!best) {
      var text = passages[0] || "";
      var words = textWords(text);
      best = { text: text, words: words, from: 0, to: Math.min(words.length, size) };
    }
    var w = best.words;
    if (!w.length) return;
    var start = best.from > 0 ? w[best.from].start : 0;
    var end = best.to < w.length ? w[best.to - 1].end : best.text.length;
    if (start > 0) parent.appendChild(document.createTextNode("… "));
    appendMarked(parent, best.text, w, best.from, best.to, matched, start, end);
    if (end < best.text.length) parent.appendChild(document.createTextNode(best.to < w.length ? " …" : ""));
  }

  // A site-relative URL from the index as a link from this page; anything else is refused.
  function href(url) {
    if (typeof url !== "string" || /^[a-z][a-z0-9+.-]*:/i.test(url) || /^[\/\\]/.test(url) || /\.\./.test(url)) {
      return null;
    }
    // Opened from disk, a folder would show as a file listing: link to its index.html.
    return siteRoot + url + (location.protocol === "file:" && /(^|\/)$/.test(url) ? "index.html" : "");
  }

  function metaText(doc) {
    var kind = (manifest.kinds && manifest.kinds[doc.kind]) || KIND_LABELS[doc.kind] || "Page";
    var clusters = (doc.clusters || []).map(function (n) { return manifest.clusters[n] && manifest.clusters[n][1]; })
      .filter(Boolean);
    if (doc.kind === "cluster" || !clusters.length) return [kind, ""];
    var where = clusters[0] + (clusters.length > 1 ? " and " + (clusters.length - 1) + " more" : "");
    return [kind, where];
  }

  // The kind, cluster and pay, each apart: the space between them is not drawn (the line lays them out apart)
  // but keeps their words apart in what a screen reader says ("Occupation Health Science", not one word).
  function appendMeta(parent, doc) {
    var meta = metaText(doc);
    var kind = document.createElement("span");
    kind.className = "search-kind search-kind-" + (KIND_LABELS[doc.kind] ? doc.kind : "page");
    kind.textContent = meta[0];
    parent.appendChild(kind);
    if (meta[1]) {
      var where = document.createElement("span");
      where.className = "search-where";
      where.textContent = meta[1];
      parent.append(" ", where);
    }
    if (doc.pay) {
      var pay = document.createElement("span");
      pay.className = "search-pay";
      pay.textContent = doc.pay;
      parent.append(" ", pay);
    }
  }

  function searchPage(query, params) {
    var url = siteRoot + "search/" + (location.protocol === "file:" ? "index.html" : "");
    var search = new URLSearchParams();
    if (query) search.set("q", query);
    (params || []).forEach(function (p) { search.append(p[0], p[1]); });
    var text = search.toString();
    return url + (text ? "?" + text : "");
  }

  function quote(text) {
    return "\u201c" + text.trim() + "\u201d";
  }

  // -- the combobox in the header -----------------------------------------------------------------------

  function Combobox(form) {
    var input = form.querySelector("input[type=search]");
    if (!input) return;
    var popup = document.createElement("div");
    popup.className = "search-popup";
    popup.hidden = true;
    var list = document.createElement("div");
    list.id = input.id + "-results";
    list.className = "search-options";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    var note = document.createElement("div");
    note.className = "search-note";
    note.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    popup.appendChild(note);
    popup.appendChild(list);
    form.appendChild(popup);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var options = [];
    var active = -1;
    var sequence = 0;
    var statusTimer = 0;

    function setActive(index) {
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "false");
        options[active].classList.remove("is-active");
      }
      active = index;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "true");
        options[active].classList.add("is-active");
        input.setAttribute("aria-activedescendant", options[active].id);
        options[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open(show) {
      popup.hidden = !show;
      input.setAttribute("aria-expanded", show && options.length ? "true" : "false");
      if (!show) setActive(-1);
    }

    // A list taller than the popup scrolls; keyboard users can then reach it to scroll it. Measured after the
    // browser has laid the list out anyway, so typing never forces an extra layout.
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        if (!popup.hidden && popup.scrollHeight > popup.clientHeight) popup.tabIndex = 0;
        else popup.removeAttribute("tabindex");
      }).observe(list);
    }

    function announce(text) {
      clearTimeout(statusTimer);
      statusTimer = setTimeout(function () { status.textContent = text; }, 400);
    }

    function option(index, url) {
      var a = document.createElement("a");
      a.id = list.id + "-" + index;
      a.className = "search-option";
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.tabIndex = -1;
      a.href = url;
      a.addEventListener("mousemove", function () { if (active !== index) setActive(index); });
      return a;
    }

    // An option that opens a tool rather than a page: the jobs explorer with filters set, or, with `kind` (the
    // tool's label), where a job can lead or the compare page.
    function addShortcut(shortcut, kind) {
      var a = option(options.length, shortcut.url);
      a.classList.add(kind ? "search-option-next" : "search-option-explorer");
      [["title", shortcut.label], ["meta", kind || "Jobs explorer"]].forEach(function (part) {
        var span = document.createElement("span");
        span.className = "search-option-" + part[0];
        span.id = a.id + "-" + part[0];
        span.textContent = part[1];
        if (a.firstChild) a.append(" ");
        a.appendChild(span);
      });
      a.setAttribute("aria-labelledby", a.id + "-title " + a.id + "-meta");
      list.appendChild(a);
      options.push(a);
    }

    function render(text, outcome, best) {
      list.textContent = "";
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      // The jobs explorer, for a query that asks for a kind of job: first if that is all it asks for or the rest
      // names a cluster ('healthcare jobs without a degree', shown with that cluster's jobs), else after the
      // pages ('nurse jobs without a degree').
      var cluster = askedCluster(outcome);
      var shortcut = explorerLink(outcome.explorer, cluster);
      var first = shortcut && (!outcome.words.length || cluster >= 0 || outcome.vague);
      // Where the job a query names can lead, when it asks ('next step after cna'), or the compare page for the
      // two jobs it sets side by side ('welder vs machinist'), before all else.
      var next = nextLink(outcome) || compareLink(outcome);
      if (next) addShortcut(next, (manifest.kinds && manifest.kinds[next.compare ? "compare" : "from-job"]) || "Tool");
      if (first) addShortcut(shortcut);
      best.forEach(function (result) {
        var doc = loaded("docs/" + result.doc);
        var url = doc && resultUrl(doc, outcome);
        if (!url) return;
        var a = option(options.length, url);
        var title = document.createElement("span");
        title.className = "search-option-title";
        title.id = a.id + "-title";
        appendTitle(title, doc, outcome.matched);
        var meta = document.createElement("span");
        meta.className = "search-option-meta";
        meta.id = a.id + "-meta";
        appendMeta(meta, doc);
        // Its name is the title, kind and cluster, which is what a screen reader says first and what a visitor
        // using speech says to choose it; the snippet, and the words not found, describe it.
        a.setAttribute("aria-labelledby", title.id + " " + meta.id);
        var snip = document.createElement("span");
        snip.className = "search-option-snippet";
        snip.id = a.id + "-snippet";
        snippet(snip, doc.text, outcome.matched, 16);
        a.append(title, " ", meta, " ", snip);
        var missing = missingWords(result, outcome);
        a.setAttribute("aria-describedby", snip.id);
        if (missing) {
          var gap = document.createElement("span");
          gap.className = "search-missing";
          gap.id = a.id + "-missing";
          gap.textContent = missing;
          a.append(" ", gap);
          a.setAttribute("aria-describedby", snip.id + " " + gap.id);
        }
        list.appendChild(a);
        options.push(a);
      });
      if (shortcut && !first) addShortcut(shortcut);
      var pages = options.length - (shortcut ? 1 : 0);
      var more = option(options.length, searchPage(text));
      more.classList.add("search-option-all");
      more.textContent = pages ? "All results for " + quote(text) : "Search all pages for " + quote(text);
      note.textContent = options.length ? "" : "No pages match " + quote(text) + ".";
      appendHelp(note, outcome, text, true);
      note.hidden = !note.firstChild;
      list.appendChild(more);
      options.push(more);
      open(true);
      var count = outcome.results.length;
      form.dispatchEvent(new CustomEvent("search-shown", { detail: { query: text, results: count } }));
      // A screen reader hears first what the data has no figures on, as the note shows it (`appendHelp`).
      var caveat = note.querySelector(".search-help-unknown");
      caveat = caveat ? caveat.textContent + " " : "";
      if (shortcut && !count) return announce(caveat + "A link to the jobs explorer; use the arrow keys to choose");
      announce(caveat + (count ? count + (count === 1 ? " result" : " results") + (outcome.all ? "" : ", " + outcome.complete + " with every word") +
               (count > pages ? ", the best " + pages + " listed" : "") +
               (outcome.state ? ", with pay for " + outcome.state.name : "") + "; use the arrow keys to choose" :
               "No results"));
    }

    function update() {
      var text = input.value;
      var mine = ++sequence;
      if (!text.trim() || text.trim().length < 2) {
        list.textContent = "";
        options = [];
        open(false);
        return;
      }
      search(text).then(function (outcome) {
        if (mine !== sequence) return;
        var best = top(outcome.results, DROPDOWN_RESULTS);
        var waiting = documents(best);
        if (!waiting) return render(text, outcome, best);
        return waiting.then(function () { if (mine === sequence) render(text, outcome, best); });
      }).catch(function (error) {
        if (mine !== sequence) return;
        list.textContent = "";
        options = [];
        note.hidden = false;
        note.textContent = "Search is not available right now: " + error.message + ".";
        open(true);
      });
    }

    input.addEventListener("input", update);
    input.addEventListener("focus", function () {
      loadManifest().catch(function () { /* reported when searching */ });
      if (input.value.trim().length >= 2 && popup.hidden) update();
    });
    input.addEventListener("keydown", function (event) {
      var count = options.length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (popup.hidden) {
          if (input.value.trim().length >= 2) update();
          event.preventDefault();
          return;
        }
        if (!count) return;
        event.preventDefault();
        var down = event.key === "ArrowDown";
        setActive(down ? (active + 1 >= count ? -1 : active + 1) : (active < 0 ? count - 1 : active - 1));
      } else if (event.key === "Enter") {
        if (!popup.hidden && active >= 0 && options[active]) {
          event.preventDefault();
          options[active].click();
        }
      } else if (event.key === "Escape") {
        if (!popup.hidden) {
          event.preventDefault();
          open(false);
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          update();
        }
      } else if (event.key === "Tab") {
        open(false);
      }
    });
    form.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !form.contains(event.relatedTarget)) open(false);
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) open(false);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value.trim();
      location.href = searchPage(text);
    });
    // Loaded when the box was focused (site.js), perhaps after some typing: answer what is there already.
    if (document.activeElement === input) {
      loadManifest().catch(function () { /* reported when searching */ });
      if (input.value.trim().length >= 2) update();
    }
  }

  // -- the results page ---------------------------------------------------------------------------------

  function ResultsPage(root) {
    var form = root.querySelector(".search-page-form");
    var input = root.querySelector("#search-page-input");
    var cluster = root.querySelector("#search-cluster");
    var education = root.querySelector("#search-education");
    var interests = Array.prototype.slice.call(root.querySelectorAll("input[name=interest]"));
    var status = root.querySelector(".search-status");
    var list = root.querySelector(".search-results");
    var more = root.querySelector(".search-more");
    if (!form || !input || !status || !list || !more) return;
    var baseTitle = document.title;
    var helpBox = document.createElement("div");
    helpBox.className = "search-help-box";
    status.parentNode.insertBefore(helpBox, status.nextSibling);
    var shown = 0;
    var ranked = [];
    var current = null;
    var sequence = 0;
    var timer = 0;

    function readUrl() {
      var params = new URLSearchParams(location.search);
      input.value = params.get("q") || "";
      if (cluster) cluster.value = params.get("cluster") || "";
      if (cluster && cluster.selectedIndex < 0) cluster.value = "";
      if (education) education.value = params.get("education") || "";
      if (education && education.selectedIndex < 0) education.value = "";
      var chosen = params.getAll("interest");
      interests.forEach(function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
    }

    function filters() {
      var out = [];
      if (cluster && cluster.value) out.push(["cluster", cluster.value]);
      if (education && education.value) out.push(["education", education.value]);
      interests.forEach(function (box) { if (box.checked) out.push(["interest", box.value]); });
      return out;
    }

    function writeUrl() {
      var url = searchPage(input.value.trim(), filters());
      try { history.replaceState(null, "", url); } catch (e) { /* the address just does not follow */ }
      document.title = (input.value.trim() ? quote(input.value) + " \u2013 " : "") + baseTitle;
    }

    // The filters chosen on the page: {cluster: slug, education: slug, interests: [slugs]}, "" and [] for none.
    function chosenFilters() {
      return {
        cluster: cluster ? cluster.value : "",
        education: education ? education.value : "",
        interests: interests.filter(function (b) { return b.checked; }).map(function (b) { return b.value; })
      };
    }

    // Whether a result passes the filters, with one of them replaced (for the count beside each choice).
    function passes(result, chosen, name, value) {
      var f = { cluster: chosen.cluster, education: chosen.education, interests: chosen.interests };
      if (name) f[name] = value;
      return inCluster(result, f.cluster) && inInterests(result, f.interests) &&
        (!f.education || (facets().education[f.education] || new Set()).has(result.doc));
    }

    function inCluster(result, slug) {
      return !slug || (facets().clusters[slug] || new Set()).has(result.doc);
    }

    function inInterests(result, chosen) {
      if (!chosen.length) return true;
      for (var i = 0; i < chosen.length; i++) {
        var set = facets().interests[chosen[i]];
        if (set && set.has(result.doc)) return true;
      }
      return false;
    }

    function setCount(element, label, count) {
      element.textContent = label + " (" + count + ")";
    }

    function showCounts(results, chosen) {
      var asked = current && current.words.length;
      [cluster, education].forEach(function (select) {
        if (!select) return;
        var name = select === cluster ? "cluster" : "education";
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.hasAttribute("data-label")) option.setAttribute("data-label", option.textContent);
          var label = option.getAttribute("data-label");
          if (!asked) { option.textContent = label; return; }
          setCount(option, label, results.filter(function (r) { return passes(r, chosen, name, option.value); }).length);
        });
      });
      interests.forEach(function (box) {
        var text = box.parentNode.querySelector(".search-count");
        if (!text) return;
        if (!asked) { text.textContent = ""; return; }
        text.textContent = " (" + results.filter(function (r) { return passes(r, chosen, "interests", [box.value]); }).length + ")";
      });
    }

    function describe(count, text) {
      var where = [];
      if (cluster && cluster.value) where.push("in " + cluster.options[cluster.selectedIndex].getAttribute("data-label"));
      var chosen = interests.filter(function (b) { return b.checked; }).map(function (b) {
        return b.getAttribute("data-label") || b.value;
      });
      if (chosen.length) where.push("for " + chosen.join(" or ") + " interests");
      if (education && education.value) {
        where.push("with education to start: " + education.options[education.selectedIndex].getAttribute("data-label"));
      }
      if (current && current.explorer && !current.words.length) {
        return count ? count + (count === 1 ? " job fits " : " jobs fit ") + quote(text) + (where.length ? " " +
          where.join(" ") : "") + ", " + (current.explorer.sort ? current.explorer.sort.text : "the most common first") +
          "." : "This search asks for a kind of job, which the jobs explorer lists.";
      }
      var lead = count === 0 ? "No results" : count === 1 ? "1 result" : count + " results";
      return lead + " for " + quote(text) + (where.length ? " " + where.join(" ") : "") +
        (current && !current.all && count ? "; " + (current.complete ? current.complete + " with every word, the others with some"
                                                              : "each with some of the words") : "") + "." +
        (current && current.state && count ? " Their pay is shown for " + current.state.name + "." : "");
    }

    function item(result, outcome) {
      var doc = loaded("docs/" + result.doc);
      var url = doc && resultUrl(doc, outcome);
      var li = document.createElement("li");
      li.className = "search-result";
      if (!url) return li;
      var heading = document.createElement("h2");
      heading.className = "search-result-title";
      var a = document.createElement("a");
      a.href = url;
      appendTitle(a, doc, outcome.matched);
      heading.appendChild(a);
      var meta = document.createElement("p");
      meta.className = "search-result-meta";
      appendMeta(meta, doc);
      var snip = document.createElement("p");
      snip.className = "search-result-snippet";
      snippet(snip, doc.text, outcome.matched, 36);
      li.appendChild(heading);
      li.appendChild(meta);
      li.appendChild(snip);
      var missing = result.from ? (result.alike ? "A job like " : "A next step for ") + result.from :
        missingWords(result, outcome);
      if (missing) {
        var gap = document.createElement("p");
        gap.className = result.from ? "search-from" : "search-missing";
        gap.textContent = missing;
        li.appendChild(gap);
      }
      return li;
    }

    // Show the next page of results; then call `done`, if given.
    function showMore(focusFirst, done) {
      var mine = sequence;
      var next = ranked.slice(shown, shown + PAGE_RESULTS);
      var outcome = current;
      var draw = function () {
        if (mine !== sequence) return;
        var first = null;
        next.forEach(function (result) {
          var li = item(result, outcome);
          list.appendChild(li);
          first = first || li.querySelector("a");
        });
        shown += next.length;
        more.hidden = shown >= ranked.length;
        if (focusFirst && first) first.focus();
        if (done) done();
      };
      var waiting = documents(next);
      if (!waiting) draw(); else waiting.then(draw, fail);
    }

    function fail(error) {
      list.removeAttribute("aria-busy");
      status.textContent = "Search is not available right now: " + error.message + ".";
    }

    function update() {
      var text = input.value;
      var mine = ++sequence;
      writeUrl();
      list.setAttribute("aria-busy", "true");
      if (!text.trim()) {
        current = null;
        list.textContent = "";
        list.removeAttribute("aria-busy");
        more.hidden = true;
        status.textContent = "Type a word such as nurse, welding or x\u2011ray to search every cluster, pathway and occupation.";
        helpBox.textContent = "";
        loadManifest().then(function () { showCounts([], chosenFilters()); }, function () {});
        return;
      }
      Promise.all([search(text), loadManifest().then(function () { return load("facets"); })]).then(function (got) {
        if (mine !== sequence) return;
        current = got[0];
        var chosen = chosenFilters();
        showCounts(current.results, chosen);
        ranked = sortResults(current.results.filter(function (r) { return passes(r, chosen); }));
        list.textContent = "";
        shown = 0;
        more.hidden = true;
        var finished = function () {
          status.textContent = describe(ranked.length, text);
          helpBox.textContent = "";
          appendHelp(helpBox, current, text, false);
          list.removeAttribute("aria-busy");
        };
        if (ranked.length) showMore(false, finished); else finished();
      }).catch(function (error) { if (mine === sequence) fail(error); });
    }

    function available() {
      // Interest areas no page has are left out of the filters.
      loadManifest().then(function () {
        interests.forEach(function (box) {
          var label = box.closest("label");
          if (label && manifest.interests.indexOf(box.value) < 0) label.hidden = true;
        });
      }, function () {});
    }

    interests.forEach(function (box) {
      var label = box.closest("label");
      if (label && !box.hasAttribute("data-label")) box.setAttribute("data-label", label.textContent.trim());
      if (label && !label.querySelector(".search-count")) {
        var count = document.createElement("span");
        count.className = "search-count";
        label.appendChild(count);
      }
    });
    [cluster, education].forEach(function (select) {
      if (select) Array.prototype.forEach.call(select.options, function (o) { o.setAttribute("data-label", o.textContent); });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      update();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 120);
    });
    form.addEventListener("change", function (event) {
      if (event.target !== input) update();
    });
    more.addEventListener("click", function () { showMore(true); });
    window.addEventListener("popstate", function () { readUrl(); update(); });
    readUrl();
    available();
    update();
  }

  Combobox(box);
  var page = document.querySelector("[data-search-page]");
  if (page) ResultsPage(page);

  // For tests and the benchmark: the same search the page runs, without the page.
  window.__search = {
    search: search, run: run, top: top, sort: sortResults, fold: fold, stem: stem,
    queryWords: function (text) { return queryWords(text, manifest ? manifest.stop : new Set()); },
    loaded: loaded, load: load, distance: distance
  };
})();
