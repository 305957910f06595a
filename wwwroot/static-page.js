// The buttons of a page served by static server rendering ([ExcludeFromInteractiveRouting], see
// App.razor): such a page has no circuit, so the menu button, the permalink's copy button and the search
// page's Filters button (any [data-disclosure-toggle]) work here. The skip link and the language menu's
// Escape key are handled here on every page.
// It does what MudBlazor does on an interactive page: below md (960 px) the responsive drawer starts
// closed and opens over the page; from md up it starts open beside the content. Pages with a circuit
// (.mud-layout without .portal-static) are left to Blazor.
(() => {
    const wide = () => matchMedia('(min-width: 960px)').matches;
    const staticLayout = () => document.querySelector('.mud-layout.portal-static');

    const setMenuOpen = (layout, open, animate) => {
        const drawer = layout.querySelector('.mud-drawer');
        if (!drawer) {
            return;
        }
        drawer.classList.toggle('mud-drawer--initial', !animate);
        drawer.classList.toggle('mud-drawer--open', open);
        drawer.classList.toggle('mud-drawer--closed', !open);
        // As MainLayout renders it on an interactive page: a closed drawer's links leave the tab order.
        drawer.inert = !open;
        layout.querySelector('[data-menu-toggle]')?.setAttribute('aria-expanded', String(open));
        // The start of the page: the left, or the right in an Arabic interface (MudRTLProvider).
        const side = drawer.classList.contains('mud-drawer-pos-right') ? 'right' : 'left';
        layout.classList.toggle(`mud-drawer-open-responsive-md-${side}`, open);
    };

    // The server renders the drawer open; app.css hides it on phones until this has run.
    const settle = () => {
        const layout = staticLayout();
        if (!layout) {
            return;
        }
        setMenuOpen(layout, wide(), false);
        layout.classList.remove('portal-prerendered');
        document.getElementById('portal-interactive')?.setAttribute('data-ready', 'true');
    };

    // The words come with the button (data-copied, data-copy-failed), in the interface language.
    const copy = async button => {
        const status = button.parentElement.querySelector('.copy-status');
        try {
            await navigator.clipboard.writeText(button.dataset.copyText);
            status.textContent = button.dataset.copied;
        } catch {
            // No clipboard (an insecure origin, or permission refused): the link stays there to select.
            status.textContent = button.dataset.copyFailed;
        }
    };

    document.addEventListener('click', e => {
        const layout = staticLayout();
        if (!layout || !(e.target instanceof Element)) {
            return;
        }
        const drawer = layout.querySelector('.mud-drawer');
        const open = drawer?.classList.contains('mud-drawer--open');
        if (e.target.closest('[data-menu-toggle]')) {
            setMenuOpen(layout, !open, true);
        } else if (open && !wide() && !e.target.closest('.mud-drawer')) {
            setMenuOpen(layout, false, true); // a tap beside the menu that covers a phone's page closes it
        }
        const disclosure = e.target.closest('[data-disclosure-toggle]');
        if (disclosure) {
            const open = disclosure.getAttribute('aria-expanded') !== 'true';
            disclosure.setAttribute('aria-expanded', String(open));
            document.getElementById(disclosure.getAttribute('aria-controls'))?.classList.toggle('open', open);
        }
        const copyButton = e.target.closest('[data-copy-text]');
        if (copyButton) {
            copy(copyButton);
        }
    });

    // On every page, interactive ones too. Blazor's routers would take the skip link's click for a navigation
    // and only scroll; in the capture phase this runs first and moves the focus, so the next Tab is in the content.
    document.addEventListener('click', e => {
        const skip = e.target instanceof Element && e.target.closest('a.skip-link');
        const main = skip && document.getElementById(new URL(skip.href).hash.slice(1));
        if (main) {
            e.preventDefault();
            main.focus();
        }
    }, true);

    // Escape closes the interface-language menu (a <details>, which the browser leaves open) and returns the focus to its summary.
    document.addEventListener('keydown', e => {
        const menu = e.key === 'Escape' && e.target instanceof Element && e.target.closest('details.interface-language[open]');
        if (menu) {
            menu.open = false;
            menu.querySelector('summary').focus();
        }
    });

    settle();
    // Enhanced navigation between static pages patches the page with the server's markup: settle it again,
    // and move the focus to the new page's heading as FocusOnPageChange does on an interactive page.
    window.Blazor?.addEventListener?.('enhancedload', () => {
        settle();
        window.portalFocus?.('h1');
    });
})();
