// The app and its tests run on Preact's React layer (apps/web/preact-aliases.ts): if an alias
// were lost, the tests would quietly run on React while users get Preact.
import * as compat from 'preact/compat';
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { describe, expect, it } from 'vitest';

describe('the runtime', () => {
  it('react and react-dom are Preact’s compatibility layer', () => {
    expect(React.createElement).toBe(compat.createElement);
    expect(React.useState).toBe(compat.useState);
    expect(ReactDom.createPortal).toBe(compat.createPortal);
  });
});
