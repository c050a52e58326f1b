// Read by plotly.js when it loads (must come first): keep its console quiet.
"use strict";
window.PlotlyConfig = {logging: 0};
