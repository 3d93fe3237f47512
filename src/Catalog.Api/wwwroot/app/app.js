// Placeholder until the browse app lands.
document.body.dataset.ready = 'true';
