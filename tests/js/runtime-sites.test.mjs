// Which pages "Enable on this site" is offered on, and what it asks for (extension/shared/runtime-sites.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { permissionFor, runtimeOrigin, scriptId } from '../../extension/shared/runtime-sites.js';
import { FIXED_HOSTS } from '../../extension/shared/sites.js';

test('an https page of a host no site has is offered, as its origin; fixed sites, http, ports and extension pages are not', () => {
  assert.equal(runtimeOrigin('https://mastodon.social/home'), 'https://mastodon.social');
  assert.equal(runtimeOrigin('https://med-mastodon.com/@sam/1?x=1#y'), 'https://med-mastodon.com');
  for (const h of FIXED_HOSTS) assert.equal(runtimeOrigin(`https://${h}/`), null, h);
  assert.equal(runtimeOrigin('http://mastodon.social/'), null);
  assert.equal(runtimeOrigin('https://mastodon.social:8443/'), null);
  assert.equal(runtimeOrigin('chrome-extension://abc/extension/popup/popup.html'), null);
  assert.equal(runtimeOrigin('not a url'), null);
});

test('it asks for that one origin, and registers under an id named after it', () => {
  assert.deepEqual(permissionFor('https://mastodon.social'), { origins: ['https://mastodon.social/*'] });
  assert.equal(scriptId('https://mastodon.social'), 'so-site-mastodon.social');
});
