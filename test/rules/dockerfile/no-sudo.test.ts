import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/no-sudo', {
  valid: [
    { name: 'installing the sudo package, the sudo group', code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends sudo && usermod -aG sudo app && echo "app ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/app\n' },
    { name: 'sudo in quoted text', code: 'FROM debian:12\nRUN echo "run sudo to install" > /README\n' },
  ],
  invalid: [
    {
      name: 'sudo as a command',
      code: 'FROM debian:12\nUSER app\nRUN sudo -E pip install --no-cache-dir vllm\n',
      errors: [{ line: 3, column: 5, endColumn: 9, message: '`sudo pip`' }],
    },
    {
      name: 'sudo after an operator',
      code: 'FROM debian:12\nRUN mkdir -p /x && sudo chown app /x\n',
      errors: [{ line: 2, column: 20, message: '`sudo chown`' }],
    },
  ],
});

