import { ruleTester } from '../../helpers.js';

ruleTester('policy/trusted-registries', {
  valid: [
    { name: 'templated images are not judged', code: 'FROM {{ base }}\nCOPY --from={{ tools }} /bin/x /bin/x\n', config: { policies: { trustedRegistries: ['ghcr.io/acme/*'] } } },
  ],
  invalid: [],
});
