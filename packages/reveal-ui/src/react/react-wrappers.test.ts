import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HushlinkCreate, HushlinkHistory, HushlinkReveal } from './index';

describe('React wrappers', () => {
  it('render the custom elements with the attributes the elements read', () => {
    const reveal = renderToStaticMarkup(
      createElement(HushlinkReveal, {
        id: 'abc',
        basePath: '/vault',
        strings: { clickToReveal: 'Anzeigen' },
      }),
    );
    expect(reveal).toBe(
      '<hushlink-reveal data-base-path="/vault" data-strings="{&quot;clickToReveal&quot;:&quot;Anzeigen&quot;}" data-id="abc"></hushlink-reveal>',
    );
    expect(
      renderToStaticMarkup(
        createElement(HushlinkCreate, { basePath: '', linkBase: 'https://x.example' }),
      ),
    ).toBe(
      '<hushlink-create data-base-path="" data-link-base="https://x.example"></hushlink-create>',
    );
    expect(
      renderToStaticMarkup(createElement(HushlinkHistory, { basePath: '', className: 'wide' })),
    ).toBe('<hushlink-history data-base-path="" class="wide"></hushlink-history>');
  });
});
