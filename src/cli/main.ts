process.stdout.write('deploy: placeholder\n');
