# The typed client, and the retry plugin most back ends want with it.
npm install @wsc/sdk @wsc/plugin-retry
