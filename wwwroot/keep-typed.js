// Keeps what a visitor typed into a prerendered page, and their focus, when its Blazor circuit
// connects (issue #12).
//
// Why script, not markup: Blazor Server does not hydrate prerendered HTML. The circuit's first render
// empties each interactive root and inserts freshly built elements, so the <input> the visitor typed
// into (and its focus) is thrown away and replaced by one carrying the server's value again.
// @key, a value bound only on first render or a value the interactive render never sets cannot help:
// every one of them still renders a new element. A static-SSR island cannot sit inside the layout
// either, because everything under the interactive Routes is interactive.
//
// So: remember the text inputs the visitor edits or focuses before the circuit is interactive, and
// when an element with the same id replaces one of them, give it the typed value, caret and focus.
// The browser-side swap and this restore happen in the same task, so no keystroke falls between
// them. Once MainLayout marks the page interactive (#portal-interactive), later renders are ordinary
// diffs that keep the elements, and the watch stops. Loaded with defer (not render-blocking): it
// runs when the page is parsed, before the circuit connects, and first takes whatever was typed by then.
(() => {
    const watched = new Map(); // id -> the prerendered element the visitor typed into or focused
    let focused = null; // the watched element that has the focus
    let selection = null;

    const isText = el => el instanceof HTMLTextAreaElement
        || (el instanceof HTMLInputElement && /^(text|search|email|number|tel|url|date)$/.test(el.type));

    const select = el => {
        try {
            return [el.selectionStart, el.selectionEnd];
        } catch {
            return null; // Inputs of type number or date have no selection.
        }
    };

    // Focus and caret are remembered on every event, because once the element has been removed
    // document.activeElement is already <body>. A real blur (the element still in the page) forgets
    // the focus; the blur Chromium sends for a removed element does not. That blur can come before
    // the element has left the page, so the check waits a task (the restore runs before it).
    const track = e => {
        if (e.type === 'focusout') {
            const left = e.target;
            setTimeout(() => {
                if (left === focused && left.isConnected && document.activeElement !== left) {
                    focused = null;
                }
            });
            return;
        }
        const el = document.activeElement;
        if (isText(el) && el.id) {
            watched.set(el.id, el);
            focused = el;
            selection = select(el);
        }
    };
    const events = ['focusin', 'focusout', 'input', 'keyup', 'select', 'pointerup'];
    for (const type of events) {
        document.addEventListener(type, track, true);
    }
    // Deferred, this runs once the page is parsed, before the circuit can connect: what was typed or focused
    // before then is taken as it stands.
    for (const el of document.querySelectorAll('input[id], textarea[id]')) {
        if (isText(el) && (el.value !== el.defaultValue || el === document.activeElement)) {
            watched.set(el.id, el);
            if (el === document.activeElement) {
                focused = el;
                selection = select(el);
            }
        }
    }

    const restore = () => {
        for (const [id, old] of watched) {
            const now = document.getElementById(id);
            if (!now || now === old || old.isConnected || !isText(now)) {
                continue;
            }
            // The typed value wins only over the value the server prerendered (old.defaultValue):
            // if the interactive render brought a value of its own, it stands. Blazor sets the
            // property, not the attribute, so the new element's defaultValue says nothing.
            if (now.value === old.defaultValue && now.value !== old.value) {
                now.value = old.value;
                now.dispatchEvent(new Event('input', { bubbles: true }));
                now.dispatchEvent(new Event('change', { bubbles: true }));
            }
            if (old === focused) {
                now.focus({ preventScroll: true });
                // The old element still knows its selection even out of the page; the remembered one
                // can be a step behind (the select event is queued), e.g. between "select all" and typing.
                const range = select(old) ?? selection;
                if (range) {
                    now.setSelectionRange(range[0], range[1]);
                }
                focused = now;
            }
            watched.set(id, now);
        }
    };

    const observer = new MutationObserver(() => {
        restore();
        if (document.querySelector('#portal-interactive[data-ready="true"]')) {
            observer.disconnect();
            for (const type of events) {
                document.removeEventListener(type, track, true);
            }
        }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
})();

// Focuses the new page's heading after an in-app navigation (FocusOnPageChange), without scrolling.
window.portalFocus = selector => {
    const element = document.querySelector(selector);
    if (element) {
        if (!element.hasAttribute('tabindex')) {
            element.tabIndex = -1;
        }
        element.focus({ preventScroll: true });
    }
};
